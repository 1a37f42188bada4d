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
    private MediaEngine _engine = null!;
    private MediaSession _caller = null!;
    private MediaSession _agent = null!;
    private MediaBridge _bridge = null!;
    private Socket _callerPhone = null!;
    private Socket _agentPhone = null!;
    private SocketAddress _callerLeg = null!;
    private SocketAddress _from = null!;
    private ushort _sequence;

    /// <summary>False: the default receiver (epoll threads on Linux); true: the portable async receive loops.</summary>
    [Params(false, true)]
    public bool Portable { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 43000, PortRangeEnd = 43998, RtpInactivityTimeout = TimeSpan.Zero, ReceiveThreads = Portable ? 0 : -1 },
            new FakeTimeProvider());
        _callerPhone = Phone();
        _agentPhone = Phone();
        _caller = _engine.CreateSession(startClock: false);
        _agent = _engine.CreateSession(startClock: false);
        _caller.AcceptOffer(Offer(_callerPhone));
        _agent.AcceptOffer(Offer(_agentPhone));
        _bridge = MediaBridge.Join(_caller, _agent);
        _callerLeg = _caller.LocalEndPoint.Serialize();
        _from = new SocketAddress(AddressFamily.InterNetwork);
        RtpPacket.Write(new RtpHeader(0, 1, 160, 0xCAFEBABE), new byte[160], _datagram);
        Relay(); // the first packet learns the source (one copy of the address)
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bridge.Dispose();
        _caller.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _callerPhone.Dispose();
        _agentPhone.Dispose();
    }

    [Benchmark]
    public int Relay()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _callerPhone.SendTo(_datagram, SocketFlags.None, _callerLeg);
        return _agentPhone.ReceiveFrom(_received, SocketFlags.None, _from);
    }

    private static Socket Phone()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static string Offer(Socket phone) =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {((IPEndPoint)phone.LocalEndPoint!).Port} RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
}
