using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One received G.711 datagram through a leg's receive path (<c>MediaSession.HandleDatagram</c>: source check, RTP
/// parse, payload-type and DTMF routing, receive statistics, symmetric latch), no socket. "FromPeer" is the
/// signalled peer's packet; "FromWrongSource" is a packet from another address (an RTP spray), which strict RTP
/// drops before parsing. Must be 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class RtpReceiveBenchmarks
{
    private readonly byte[] _datagram = new byte[RtpHeader.Size + 160];
    private FakeTimeProvider _time = null!;
    private MediaEngine _engine = null!;
    private MediaSession _session = null!;
    private SocketAddress _peer = null!;
    private SocketAddress _attacker = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _time = new FakeTimeProvider();
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 40000, PortRangeEnd = 40998, RtpInactivityTimeout = TimeSpan.Zero }, _time);
        _session = _engine.CreateSession(startClock: false);
        _session.AcceptOffer("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n");
        _peer = new IPEndPoint(IPAddress.Loopback, 41000).Serialize();
        _attacker = new IPEndPoint(IPAddress.Parse("127.0.0.9"), 41000).Serialize();
        RtpPacket.Write(new RtpHeader(0, 1, 160, 0xCAFEBABE), new byte[160], _datagram);
        _session.HandleDatagram(_datagram, _peer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public void FromPeer()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _session.HandleDatagram(_datagram, _peer);
    }

    [Benchmark]
    public void FromWrongSource()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _session.HandleDatagram(_datagram, _attacker);
    }
}
