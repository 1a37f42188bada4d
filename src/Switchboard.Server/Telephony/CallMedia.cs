using System.Net;
using System.Text;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Playback;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The call flow's view of one leg's media: a thin adapter over the media layer's <see cref="MediaSession"/>
/// (RTP/RTCP per RFC 3550, SDP offer/answer per RFC 3264, DTMF per RFC 4733) that speaks SIP bodies as bytes,
/// reports which <see cref="IAudioSource"/> finished, and bridges legs through <see cref="MediaBridge"/>.
/// </summary>
public sealed class CallMedia : IAsyncDisposable
{
    /// <summary>The content type of our session descriptions (RFC 4566 §8.1).</summary>
    public const string SdpContentType = "application/sdp";

    private readonly Lock _playLock = new();
    private IAudioSource? _source;
    private MediaBridge? _bridge;

    private CallMedia(MediaSession session)
    {
        Session = session;
        session.DigitReceived += OnDigit;
        session.PlaybackFinished += OnPlaybackFinished;
        session.RtpTimeout += OnRtpTimeout;
    }

    /// <summary>The media layer's session behind this leg.</summary>
    public MediaSession Session { get; }

    /// <summary>The negotiated stream, once an offer or answer was accepted.</summary>
    public NegotiatedMedia? Media => Session.Media;

    /// <summary>A key press (RFC 4733 event, SIP INFO or in-band tone); raised on a media thread.</summary>
    public event Action<char>? DigitReceived;

    /// <summary>The source given to <see cref="Play"/> ran out; raised on the media clock with that source.</summary>
    public event Action<IAudioSource>? SourceFinished;

    /// <summary>No RTP or RTCP arrived for <see cref="MediaOptions.RtpInactivityTimeout"/>.</summary>
    public event Action? RtpTimedOut;

    /// <summary>True while bridged to another leg.</summary>
    public bool IsBridged => Session.Bridge is not null;

    /// <summary>
    /// A new leg on a free port of the engine's range (already receiving). Inbound legs (a caller's INVITE) may not take
    /// the ports reserved for outbound ones (agent legs, transfers, callbacks): <see cref="MediaOptions.OutboundPortReservePercent"/>.
    /// </summary>
    public static CallMedia Create(MediaEngine engine, MediaLegDirection direction)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new CallMedia(engine.CreateSession(direction));
    }

    /// <summary>
    /// Answers an SDP offer (RFC 3264 §6); on success the answer body is returned as bytes. <paramref name="signallingSource"/>
    /// is where the INVITE came from: strict RTP also accepts media from it (a caller behind NAT).
    /// </summary>
    public (SdpNegotiationResult Result, byte[] Body) AcceptOffer(ReadOnlyMemory<byte> offer, IPAddress? signallingSource)
    {
        Session.SetSignallingSource(signallingSource);
        var result = Session.AcceptOffer(Encoding.UTF8.GetString(offer.Span));
        return result is { IsAccepted: true, Answer: { } answer } ? (result, Encoding.UTF8.GetBytes(answer.ToString())) : (result, []);
    }

    /// <summary>Our offer for an outbound INVITE (RFC 3264 §5), as bytes.</summary>
    public byte[] CreateOffer() => Encoding.UTF8.GetBytes(Session.CreateOffer());

    /// <summary>
    /// Applies the answer to our last offer (RFC 3264 §7). <paramref name="signallingSource"/> is where the 2xx came
    /// from: strict RTP also accepts media from it (a phone behind NAT).
    /// </summary>
    public SdpNegotiationResult AcceptAnswer(ReadOnlyMemory<byte> answer, IPAddress? signallingSource)
    {
        Session.SetSignallingSource(signallingSource);
        return Session.AcceptAnswer(Encoding.UTF8.GetString(answer.Span));
    }

    /// <summary>Plays <paramref name="source"/> from the next tick, replacing what played; null plays silence.</summary>
    public void Play(IAudioSource? source)
    {
        lock (_playLock)
        {
            _source = source;
            if (source is null)
            {
                Session.StopPlayback();
            }
            else
            {
                Session.Play(source);
            }
        }
    }

    /// <summary>Relays audio both ways between <paramref name="a"/> and <paramref name="b"/>; prompts on both stop.</summary>
    public static void Bridge(CallMedia a, CallMedia b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Play(null);
        b.Play(null);
        var bridge = MediaBridge.Join(a.Session, b.Session);
        Volatile.Write(ref a._bridge, bridge);
        Volatile.Write(ref b._bridge, bridge);
    }

    /// <summary>Ends a bridge this leg is part of (both legs go back to silence).</summary>
    public void Unbridge()
    {
        Interlocked.Exchange(ref _bridge, null)?.Dispose();
        Session.Bridge?.Dispose();
    }

    /// <summary>Feeds a SIP INFO body (RFC 6086) carrying DTMF; true when it held a key.</summary>
    public bool HandleSipInfo(string? contentType, string? body) => Session.HandleSipInfo(contentType, body);

    public async ValueTask DisposeAsync()
    {
        Session.DigitReceived -= OnDigit;
        Session.PlaybackFinished -= OnPlaybackFinished;
        Session.RtpTimeout -= OnRtpTimeout;
        Unbridge();
        await Session.DisposeAsync().ConfigureAwait(false);
    }

    private void OnDigit(object? sender, DtmfDigit digit) => DigitReceived?.Invoke(digit.Digit);

    private void OnRtpTimeout(object? sender, EventArgs e) => RtpTimedOut?.Invoke();

    private void OnPlaybackFinished(object? sender, EventArgs e)
    {
        IAudioSource? finished;
        lock (_playLock)
        {
            // Play() swaps both under this lock: a session that is not playing while we hold a source means it ran out.
            if (Session.IsPlaying || _source is null)
            {
                return;
            }

            finished = _source;
            _source = null;
        }

        SourceFinished?.Invoke(finished);
    }
}
