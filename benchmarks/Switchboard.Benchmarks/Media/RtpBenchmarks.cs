using BenchmarkDotNet.Attributes;
using Switchboard.Media.Rtp;

namespace Switchboard.Benchmarks.Media;

/// <summary>RTP pack and unpack of one G.711 packet (12 + 160 bytes). Must be 0 B allocated.</summary>
[MemoryDiagnoser]
public class RtpBenchmarks
{
    private readonly byte[] _payload = new byte[160];
    private readonly byte[] _datagram = new byte[RtpHeader.Size + 160];
    private ushort _sequence;

    [GlobalSetup]
    public void Setup() => RtpPacket.Write(new RtpHeader(0, 1, 160, 0xCAFEBABE, true), _payload, _datagram);

    [Benchmark(Baseline = true)]
    public int WriteHeader() => new RtpHeader(0, _sequence++, 160, 0xCAFEBABE).Write(_datagram);

    [Benchmark]
    public int Pack() => RtpPacket.Write(new RtpHeader(0, _sequence++, 160, 0xCAFEBABE), _payload, _datagram);

    [Benchmark]
    public int Unpack() => RtpPacket.TryParse(_datagram, out var packet) ? packet.Payload.Length + packet.Header.SequenceNumber : -1;
}
