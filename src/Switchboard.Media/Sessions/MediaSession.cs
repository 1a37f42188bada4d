using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Io;
using Switchboard.Media.Playback;
using Switchboard.Media.Sdp;
using Switchboard.Media.Security;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The media of one call leg: a UDP socket (received by the engine's <see cref="Io.IMediaReceiver"/>), the negotiated codec (RFC 3264), playback paced by the shared clock,
/// DTMF from every path, symmetric RTP and an inactivity timeout (RFC 3550). Strict RTP/RTCP: the peer's source is
/// learnt from signalled addresses only and then locked (<see cref="MediaOptions.StrictRtp"/>, docs/media.md); every
/// other datagram is dropped before parsing, so DTMF, the inactivity timer and the bridge see the peer's packets
/// only. Events are raised on the clock or receive loop: handlers must return quickly (post to the call's own queue).
/// </summary>
public sealed partial class MediaSession : IMediaClockStream, IAsyncDisposable
{
    private readonly MediaEngine _engine;
    private readonly Socket _socket;
    private readonly int _port;
    private readonly long _sessionId;
    private readonly Lock _sendLock = new();
    private readonly Lock _dtmfLock = new();
    private readonly TelephoneEventReceiver _telephoneEvents;
    private readonly InBandDtmfDetector? _inBand;
    private readonly IAsyncDisposable _rtpReceive;
    private readonly DatagramSender _rtpSender;
    private readonly RemoteSourceLock _rtpSource;
    private readonly RemoteSourceLock _rtcpSource;
    private readonly WrongSourceReport _rtpWrongSource = new();
    private readonly WrongSourceReport _rtcpWrongSource = new();
    private IPAddress? _signallingSource;
    private long _sessionVersion;
    private SdpSessionDescription? _pendingOffer;
    private NegotiatedMedia? _media;
    private SocketAddress? _remote;
    private IAudioSource? _source;
    private int _disposed;

    internal MediaSession(MediaEngine engine, Socket socket, Socket rtcpSocket, int port, long sessionId)
    {
        _engine = engine;
        _socket = socket;
        _rtcpSocket = rtcpSocket;
        _port = port;
        _sessionId = sessionId;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
        _telephoneEvents = new TelephoneEventReceiver(RaiseDigit, engine.TimeProvider, engine.Options.DtmfEndTimeout);
        _inBand = engine.Options.InBandDtmfDetection ? new InBandDtmfDetector(RaiseDigit) : null;
        _rtpSource = new RemoteSourceLock(socket.AddressFamily, engine.Options.StrictRtp);
        _rtcpSource = new RemoteSourceLock(rtcpSocket.AddressFamily, engine.Options.StrictRtp);
        _lastActivity = engine.TimeProvider.GetTimestamp();
        _nextRtcp = _lastActivity + (long)(FirstRtcpDelay.TotalSeconds * engine.TimeProvider.TimestampFrequency);
        _inactivityTicks = (long)(engine.Options.RtpInactivityTimeout.TotalSeconds * engine.TimeProvider.TimestampFrequency);
        _rtpReceive = engine.Receiver.Register(socket, HandleDatagram);
        _rtcpReceive = engine.Receiver.Register(rtcpSocket, HandleRtcpDatagram);
        _rtpSender = new DatagramSender(socket, engine.ReceivesOnDedicatedThreads);
        _rtcpSender = new DatagramSender(rtcpSocket, engine.ReceivesOnDedicatedThreads);
    }

    /// <summary>A press arrived (RFC 4733, SIP INFO via <see cref="HandleSipInfo"/>, or in band); once per press.</summary>
    public event EventHandler<DtmfDigit>? DigitReceived;

    /// <summary>The current <see cref="IAudioSource"/> finished (not raised for <see cref="StopPlayback"/>).</summary>
    public event EventHandler? PlaybackFinished;

    /// <summary>No RTP/RTCP from the peer for <see cref="MediaOptions.RtpInactivityTimeout"/>: the call is probably dead. Raised once.</summary>
    public event EventHandler? RtpTimeout;

    /// <summary>Where we receive RTP.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Our SSRC (RFC 3550 §8), kept for the whole leg so prompts and bridged audio are one stream to the phone.</summary>
    public uint Ssrc { get; }

    /// <summary>What was negotiated, or null before offer/answer completed.</summary>
    public NegotiatedMedia? Media => Volatile.Read(ref _media);

    /// <summary>Where we currently send RTP (the SDP address, then where the peer's packets come from).</summary>
    public IPEndPoint? RemoteEndPoint => Volatile.Read(ref _remote) is { } remote ? (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(remote) : null;

    /// <summary>True while an audio source is playing.</summary>
    public bool IsPlaying => Volatile.Read(ref _source) is not null;

    /// <summary>The bridge this leg is in, or null.</summary>
    public MediaBridge? Bridge => Volatile.Read(ref _bridge);

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>RTP packets received and accepted.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>RTP and RTCP datagrams dropped because they came from a source other than the peer's (strict RTP).</summary>
    public long WrongSourcePackets => Interlocked.Read(ref _wrongSourcePackets);

    /// <summary>True once the peer's RTP source is locked (after the learning window and a packet from it).</summary>
    public bool IsRemoteLocked => _rtpSource.IsLocked;

    /// <summary>
    /// The address the peer's SIP messages come from (the INVITE's source for a caller, the 2xx's for a leg we dialled).
    /// Media from it is accepted besides the SDP connection address: a phone behind NAT writes its private address
    /// into SDP but sends from the NAT's public one. Call it before <see cref="AcceptOffer"/> or <see cref="AcceptAnswer"/>;
    /// called later, the leg learns its source afresh.
    /// </summary>
    public void SetSignallingSource(IPAddress? address)
    {
        var previous = Interlocked.Exchange(ref _signallingSource, address);
        if (!Equals(previous, address) && Media is { } media)
        {
            ExpectSources(media);
        }
    }

    /// <summary>
    /// Answers the peer's offer (an INVITE body, or a re-INVITE for hold). On success the answer goes into the 200 OK;
    /// on failure answer 488 with <see cref="SdpNegotiationResult.FailureReason"/>.
    /// </summary>
    public SdpNegotiationResult AcceptOffer(string offer)
    {
        var result = AnswerOffer(offer);
        if (result.IsAccepted)
        {
            Apply(result.Media);
        }

        return result;
    }

    /// <summary>
    /// Answers the peer's offer without starting media: nothing is sent until <see cref="Start"/>. For an initial INVITE,
    /// start once the ACK confirmed the dialog (RFC 3261 §13.3.1.4), so an unconfirmed offer cannot aim RTP at a third party.
    /// </summary>
    public SdpNegotiationResult AnswerOffer(string offer) => _engine.Negotiator.Answer(offer, LocalSdp());

    /// <summary>Starts sending and receiving as <paramref name="media"/> (from <see cref="AnswerOffer"/>) agreed.</summary>
    public void Start(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        Apply(media);
    }

    /// <summary>Creates our offer (outbound INVITE, late-offer 200 OK, or hold re-INVITE with sendonly).</summary>
    public string CreateOffer(SdpDirection direction = SdpDirection.SendRecv)
    {
        var offer = _engine.Negotiator.CreateOffer(LocalSdp(), direction);
        Volatile.Write(ref _pendingOffer, offer);
        return offer.ToString();
    }

    /// <summary>Applies the peer's answer to our last offer (the 200 OK, or the ACK of a late offer).</summary>
    public SdpNegotiationResult AcceptAnswer(string answer)
    {
        var offer = Volatile.Read(ref _pendingOffer) ?? throw new InvalidOperationException("No offer was made on this session.");
        var result = _engine.Negotiator.ProcessAnswer(offer, answer);
        if (result.IsAccepted)
        {
            Apply(result.Media);
        }

        return result;
    }

    /// <summary>Starts playing <paramref name="source"/> from the next tick, replacing whatever played.</summary>
    public void Play(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Volatile.Write(ref _source, source);
    }

    /// <summary>Stops playback (silence follows); no <see cref="PlaybackFinished"/> is raised.</summary>
    public void StopPlayback() => Volatile.Write(ref _source, null);

    /// <summary>Feeds a SIP INFO body; returns true and raises <see cref="DigitReceived"/> when it carried a DTMF key.</summary>
    public bool HandleSipInfo(string? contentType, string? body)
    {
        if (!SipInfoDtmf.TryParse(contentType, body, out var digit))
        {
            return false;
        }

        RaiseDigit(digit);
        return true;
    }

    /// <summary>Stops receiving and sending, leaves any bridge and frees the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Bridge?.Dispose();
        _engine.OnSessionClosed(this, _port);
        await _rtpReceive.DisposeAsync().ConfigureAwait(false);
        await _rtcpReceive.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _rtcpSocket.Dispose();
    }

    private SdpLocalEndpoint LocalSdp() =>
        new(_engine.Options.AdvertisedAddress ?? _engine.Options.Address, _port, _sessionId, Interlocked.Increment(ref _sessionVersion));

    private void Apply(NegotiatedMedia media)
    {
        if (IPAddress.TryParse(media.RemoteAddress, out var address) && media.RemotePort > 0)
        {
            var current = Volatile.Read(ref _remote);
            var fromSdp = new IPEndPoint(address, media.RemotePort).Serialize();

            // Keep a learnt (locked) address across re-INVITEs unless the SDP really moved the peer.
            if (current is null || !Equals(_sdpRemote, fromSdp))
            {
                Volatile.Write(ref _remote, fromSdp);
                Volatile.Write(ref _rtcpRemote, null);
                ExpectSources(media);
            }

            _sdpRemote = fromSdp;
        }
        else if (Media is null)
        {
            ExpectSources(media); // no usable c= address: the SIP source alone (or, without one, the first sender) is learnt
        }

        Volatile.Write(ref _media, media);
        _rtpTimeoutRaised = false;
        _lastActivity = _engine.TimeProvider.GetTimestamp();
    }

    /// <summary>Starts a learning window for RTP and RTCP from the SDP address and the SIP source address.</summary>
    private void ExpectSources(NegotiatedMedia media)
    {
        var signalled = new List<IPAddress>(2);
        if (IPAddress.TryParse(media.RemoteAddress, out var sdp))
        {
            signalled.Add(sdp);
        }

        if (Volatile.Read(ref _signallingSource) is { } sip)
        {
            signalled.Add(sip);
        }

        var time = _engine.TimeProvider;
        var learnUntil = time.GetTimestamp() + (long)(_engine.Options.RtpLearningWindow.TotalSeconds * time.TimestampFrequency);
        _rtpSource.Expect(signalled, learnUntil);
        _rtcpSource.Expect(signalled, learnUntil);
    }

    private void RaiseDigit(DtmfDigit digit) => DigitReceived?.Invoke(this, digit);

    private void RaisePlaybackFinished() => PlaybackFinished?.Invoke(this, EventArgs.Empty);

    private AudioCodec CodecOrDefault => Media?.Codec ?? AudioCodec.Pcmu;
}
