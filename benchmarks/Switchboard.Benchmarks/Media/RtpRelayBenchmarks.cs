using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One RTP packet through a bridge over real loopback sockets, end to end: the caller's phone sends it to the caller
/// leg, the engine's receiver takes it (on Linux a dedicated epoll thread with recvmmsg; <see cref="Portable"/>: the
/// async receive loops), strict RTP checks the source, the bridge rewrites it for the agent leg and sends it, and the
/// agent's phone receives it. Allocation is counted for the whole process (MemoryDiagnoser on .NET counts every
/// thread), so the receive thread's work is in it: must be 0 B per packet.
/// </summary>
[MemoryDiagnoser]
public class RtpRelayBenchmarks
{
    private readonly byte[] _datagram = new byte[RtpHeader.Size + 160];
    private readonly byte[] _received = new byte[2048];
    private readonly SocketAddress _from = new(AddressFamily.InterNetwork);
    private LoopbackBridge _call = null!;
    private ushort _sequence;

    /// <summary>False: the default receiver (epoll threads on Linux); true: the portable async receive loops.</summary>
    [Params(false, true)]
    public bool Portable { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _call = new LoopbackBridge(
            new MediaOptions { PortRangeStart = 43000, PortRangeEnd = 43998, RtpInactivityTimeout = TimeSpan.Zero, ReceiveThreads = Portable ? 0 : -1 },
            new FakeTimeProvider());
        RtpPacket.Write(new RtpHeader(0, 1, 160, 0xCAFEBABE), new byte[160], _datagram);
        Relay(); // the first packet learns the source (one copy of the address)
    }

    [GlobalCleanup]
    public void Cleanup() => _call.Dispose();

    [Benchmark]
    public int Relay()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _call.CallerPhone.SendTo(_datagram, SocketFlags.None, _call.CallerLeg);
        return _call.AgentPhone.ReceiveFrom(_received, SocketFlags.None, _from);
    }
}
