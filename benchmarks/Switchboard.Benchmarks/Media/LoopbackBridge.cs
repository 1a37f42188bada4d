using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// The relay benchmarks' call: a <see cref="MediaEngine"/> (clock not started) with a caller and an agent leg bridged,
/// each answering a phone that is a real UDP socket on 127.0.0.1 (PCMU and telephone-event 101).
/// </summary>
internal sealed class LoopbackBridge : IDisposable
{
    private readonly MediaBridge _bridge;

    public LoopbackBridge(MediaOptions options, TimeProvider time)
    {
        Engine = new MediaEngine(options, time);
        CallerPhone = Phone();
        AgentPhone = Phone();
        Caller = Engine.CreateSession(startClock: false);
        Agent = Engine.CreateSession(startClock: false);
        Caller.AcceptOffer(Offer(CallerPhone));
        Agent.AcceptOffer(Offer(AgentPhone));
        _bridge = MediaBridge.Join(Caller, Agent);
        CallerLeg = Caller.LocalEndPoint.Serialize();
    }

    public MediaEngine Engine { get; }

    public MediaSession Caller { get; }

    public MediaSession Agent { get; }

    /// <summary>Sends to the caller leg (<see cref="CallerLeg"/>).</summary>
    public Socket CallerPhone { get; }

    /// <summary>Receives what the agent leg sends.</summary>
    public Socket AgentPhone { get; }

    public SocketAddress CallerLeg { get; }

    public void Dispose()
    {
        _bridge.Dispose();
        Caller.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        CallerPhone.Dispose();
        AgentPhone.Dispose();
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
