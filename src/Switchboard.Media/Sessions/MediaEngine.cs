using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Clock;
using Switchboard.Media.Io;
using Switchboard.Media.Sdp;
using Switchboard.Media.Security;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Owns the shared <see cref="MediaClock"/> and the RTP port range, and creates one <see cref="MediaSession"/> per call
/// leg. Knows nothing about SIP: the server passes SDP in and out as strings.
/// </summary>
public sealed class MediaEngine : IAsyncDisposable
{
    private readonly PortAllocator _ports;
    private readonly IPAddress _address;
    private readonly ConcurrentDictionary<MediaSession, byte> _open = new();
    private readonly Lock _receiverGate = new();
    private readonly ReceiveErrorCounter _receiveErrors = new();
    private IMediaReceiver? _receiver;
    private long _sessionIds;
    private int _sessions;
    private long _closedSent;
    private long _closedReceived;
    private readonly Meter? _ownMeter;

    /// <summary>Creates the engine; the clock starts with the first session (or <see cref="Start"/>).</summary>
    /// <param name="options">Media settings.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="loggerFactory">For the security events (category <c>Switchboard.Security</c>, ids 4100-4199).</param>
    /// <param name="meter">
    /// Where the media layer's instruments go (the host passes one named <see cref="MeterName"/> from its
    /// <c>IMeterFactory</c>); when null the engine makes a private one, disposed with it.
    /// </param>
    public MediaEngine(MediaOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, Meter? meter = null)
    {
        Options = options ?? new MediaOptions();
        TimeProvider = timeProvider ?? TimeProvider.System;
        if (!IPAddress.TryParse(Options.Address, out var address))
        {
            throw new ArgumentException($"Media address '{Options.Address}' is not an IP address.", nameof(options));
        }

        _address = address;
        if (Options.Bridge.ReclockDepth is < 1 or > MediaBridgeOptions.MaxReclockDepth)
        {
            throw new ArgumentException($"Media:Bridge:ReclockDepth must be 1-{MediaBridgeOptions.MaxReclockDepth} frames (was {Options.Bridge.ReclockDepth}).", nameof(options));
        }

        _ports = new PortAllocator(Options.PortRangeStart, Options.PortRangeEnd, Options.OutboundPortReservePercent);
        _ownMeter = meter is null ? new Meter(MeterName) : null;
        Meter = meter ?? _ownMeter!;
        Security = new MediaSecurityMonitor((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(MediaSecurityLog.Category), TimeProvider, Meter);
        Clock = new MediaClock(TimeProvider, Options.Clock, Meter);
        Meter.CreateObservableGauge("switchboard.rtp.sessions", () => ActiveSessions, "{session}", "RTP sessions open on this node.");
        Meter.CreateObservableCounter("switchboard.media.receive.handler_errors", () => _receiveErrors.Count, "{error}",
            "Exceptions thrown while handling a received RTP/RTCP datagram (swallowed so the receive loop keeps serving every call).");
        Meter.CreateObservableCounter("switchboard.rtp.packets", ObservePackets, "{packet}", "RTP packets sent and received by this node's media sessions.");
        Negotiator = new SdpNegotiator(Options.Negotiation);
        _sessionIds = TimeProvider.GetUtcNow().ToUnixTimeSeconds();
    }

    /// <summary>The meter name the host listens to for the media layer.</summary>
    public const string MeterName = "Switchboard.Media";

    /// <summary>The options in force.</summary>
    public MediaOptions Options { get; }

    /// <summary>
    /// The media layer's meter: add an instrument with <c>Meter.CreateCounter&lt;long&gt;("switchboard.media.x", "{unit}", "...")</c>
    /// (or an observable one over a counter you keep); it appears on <c>/metrics</c> as <c>switchboard_media_x_total</c>.
    /// </summary>
    public Meter Meter { get; }

    /// <summary>The clock all sessions run on.</summary>
    public MediaClock Clock { get; }

    /// <summary>The offer/answer logic sessions use.</summary>
    public SdpNegotiator Negotiator { get; }

    /// <summary>The time provider.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Strict RTP drops and port-reserve refusals since start (also observable counters on <see cref="Meter"/>).</summary>
    public MediaSecurityCounters SecurityCounters => Security.Counters;

    internal MediaSecurityMonitor Security { get; }

    /// <summary>
    /// Receives every session's RTP and RTCP (created with the first session, so an engine without calls runs no receive
    /// thread): the epoll threads on Linux x86-64 unless <see cref="MediaOptions.ReceiveThreads"/> is 0, else the portable one.
    /// </summary>
    internal IMediaReceiver Receiver
    {
        get
        {
            lock (_receiverGate)
            {
                return _receiver ??= CreateReceiver(Options.ReceiveThreads, _receiveErrors);
            }
        }
    }

    /// <summary>True when datagrams are received by the dedicated epoll threads (Linux), false for the portable loops.</summary>
    public bool ReceivesOnDedicatedThreads => Receiver is EpollMediaReceiver;

    /// <summary>Sessions open now.</summary>
    public int ActiveSessions => Volatile.Read(ref _sessions);

    /// <summary>RTP packets sent and received by every session since start (open ones summed on request; for /metrics).</summary>
    public (long Sent, long Received) RtpPacketTotals()
    {
        var (sent, received) = (Interlocked.Read(ref _closedSent), Interlocked.Read(ref _closedReceived));
        foreach (var session in _open.Keys)
        {
            sent += session.PacketsSent;
            received += session.PacketsReceived;
        }

        return (sent, received);
    }

    private Measurement<long>[] ObservePackets()
    {
        var (sent, received) = RtpPacketTotals();
        return
        [
            new Measurement<long>(sent, new KeyValuePair<string, object?>("direction", "sent")),
            new Measurement<long>(received, new KeyValuePair<string, object?>("direction", "received")),
        ];
    }

    /// <summary>Starts the clock loop (also done by the first <see cref="CreateSession"/>).</summary>
    public void Start() => Clock.Start();

    /// <summary>
    /// Opens UDP sockets on a free even port of the range, picked at random, and the next (RTCP, RFC 3550 §11) and
    /// returns a session bound to it (already receiving). Throws <see cref="InvalidOperationException"/> when the range
    /// is exhausted, or for an inbound leg when only the outbound reserve is left.
    /// </summary>
    public MediaSession CreateSession(MediaLegDirection direction = MediaLegDirection.Inbound, bool startClock = true)
    {
        if (direction == MediaLegDirection.Inbound && _ports.InboundExhausted)
        {
            throw RefuseInbound();
        }

        foreach (var port in _ports.Candidates())
        {
            var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var rtcpSocket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(_address, port));
                rtcpSocket.Bind(new IPEndPoint(_address, port + 1));
            }
            catch (SocketException)
            {
                socket.Dispose();
                rtcpSocket.Dispose();
                continue;
            }

            if (!_ports.Confirm(port, direction))
            {
                socket.Dispose();
                rtcpSocket.Dispose();
                if (direction == MediaLegDirection.Inbound && _ports.InboundExhausted)
                {
                    throw RefuseInbound();
                }

                continue;
            }

            Interlocked.Increment(ref _sessions);
            var session = new MediaSession(this, socket, rtcpSocket, port, Interlocked.Increment(ref _sessionIds));
            _open[session] = 0;
            Clock.Register(session);
            if (startClock)
            {
                Clock.Start();
            }

            return session;
        }

        throw new InvalidOperationException($"No free RTP port in {Options.PortRangeStart}-{Options.PortRangeEnd}.");
    }

    /// <summary>Stops the clock and the receive threads. Sessions should be disposed first.</summary>
    public async ValueTask DisposeAsync()
    {
        _ownMeter?.Dispose();
        await Clock.DisposeAsync().ConfigureAwait(false);
        IMediaReceiver? receiver;
        lock (_receiverGate)
        {
            receiver = _receiver;
        }

        if (receiver is not null)
        {
            await receiver.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IMediaReceiver CreateReceiver(int threads, ReceiveErrorCounter errors)
    {
        if (threads < 0)
        {
            threads = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);
        }

        if (threads == 0 || !LinuxMediaCalls.IsSupported)
        {
            return new PortableMediaReceiver(errors);
        }

        try
        {
            return new EpollMediaReceiver(threads, errors);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or SocketException)
        {
            return new PortableMediaReceiver(errors);
        }
    }

    private InvalidOperationException RefuseInbound()
    {
        Security.InboundRefused(_ports.InboundInUse, _ports.InboundLimit, _ports.Reserved);
        return new InvalidOperationException(
            $"No RTP port for an inbound leg: {_ports.InboundLimit} of {_ports.Capacity} pairs in {Options.PortRangeStart}-{Options.PortRangeEnd} are for inbound legs and all are in use.");
    }

    internal void OnSessionClosed(MediaSession session, int port)
    {
        Clock.Unregister(session);
        _ports.Release(port);
        Interlocked.Decrement(ref _sessions);
        if (_open.TryRemove(session, out _))
        {
            Interlocked.Add(ref _closedSent, session.PacketsSent);
            Interlocked.Add(ref _closedReceived, session.PacketsReceived);
        }
    }
}
