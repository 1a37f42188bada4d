using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One RTP packet through a re-clocking bridge (<see cref="MediaBridgeOptions.Reclock"/>) over real loopback sockets:
/// the caller's phone sends it, the receive thread (epoll on Linux) checks the source and holds it in the agent leg's
/// re-clock buffer, one 20 ms clock tick (a <see cref="FakeTimeProvider"/> advanced by the benchmark) takes it out and
/// sends it with the agent leg's sequence and tick timestamp, and the agent's phone receives it. The ticks also run
/// both legs' RTCP every few (fake) seconds. MemoryDiagnoser counts every thread: must be 0 B per packet.
/// </summary>
[MemoryDiagnoser]
public class ReclockBenchmarks
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly byte[] _datagram = new byte[RtpHeader.Size + 160];
    private readonly byte[] _received = new byte[2048];
    private readonly FakeTimeProvider _time = new();
    private MediaEngine _engine = null!;
    private MediaSession _caller = null!;
    private MediaSession _agent = null!;
    private MediaBridge _bridge = null!;
    private Socket _callerPhone = null!;
    private Socket _agentPhone = null!;
    private SocketAddress _callerLeg = null!;
    private SocketAddress _from = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MediaEngine(new MediaOptions
        {
            PortRangeStart = 44000,
            PortRangeEnd = 44998,
            RtpInactivityTimeout = TimeSpan.Zero,
            Bridge = new MediaBridgeOptions { Reclock = true, ReclockDepth = 1 },
        }, _time);
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
        _engine.Clock.RunDueTicks();
        for (var i = 0; i < 300; i++)
        {
            Reclocked(); // learns the source, makes the leg's CNAME and RTCP address, runs the first reports
        }
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
    public int Reclocked()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _callerPhone.SendTo(_datagram, SocketFlags.None, _callerLeg);
        var spinner = default(SpinWait);
        while (_agent.ReclockFigures.Held == 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _time.Advance(Tick);
        _engine.Clock.RunDueTicks();
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
