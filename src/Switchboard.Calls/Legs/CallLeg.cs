using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Playback;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Calls.Legs;

/// <summary>
/// One leg of a back-to-back call (B2BUA): a SIP dialog with the SIP user agent plus its <see cref="MediaSession"/>.
/// Answers an inbound INVITE (media starts only after the ACK) or dials out (UAC INVITE, CANCEL on hang-up while it
/// rings), ends with BYE; in-dialog requests are answered by <see cref="LegDialogRequests"/>, transfers (REFER) by
/// <see cref="LegReferral"/>. Everything that happens is posted as a <see cref="CallEvent"/> to the call's channel; every
/// task it starts is awaited at dispose (<see cref="LegWork"/>).
/// </summary>
public sealed class CallLeg : IAsyncDisposable
{
    private readonly MediaSession _media;
    private readonly Action<CallEvent> _post;
    private readonly ILogger _logger;
    private readonly string _callId;
    private readonly Lock _gate = new();
    private readonly LegWork _work;
    private readonly LegReferral _referral;
    private readonly LegDialogRequests _requests;
    private IAudioSource? _source;
    private int _playbackId;
    private SipDialog? _dialog;
    private IncomingCall? _incoming;
    private CancellationTokenSource? _dial;
    private LegStatus _status = LegStatus.Idle;

    /// <summary>Creates a leg with a fresh media session on the engine's port range.</summary>
    /// <param name="id">The leg's id in the call.</param>
    /// <param name="callId">The call's id (logs).</param>
    /// <param name="engine">The media engine.</param>
    /// <param name="direction">Inbound (a caller's INVITE) or outbound (we dial): inbound legs may not take the ports reserved for outbound ones.</param>
    /// <param name="post">Where the leg's events go (the call's channel).</param>
    /// <param name="timeProvider">The clock (request timeouts).</param>
    /// <param name="logger">Log.</param>
    public CallLeg(LegId id, string callId, MediaEngine engine, MediaLegDirection direction, Action<CallEvent> post, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Id = id;
        _callId = callId;
        _post = post ?? throw new ArgumentNullException(nameof(post));
        ArgumentNullException.ThrowIfNull(timeProvider);
        _logger = logger ?? NullLogger.Instance;
        _media = engine.CreateSession(direction);
        _work = new LegWork(callId, id.ToString(), timeProvider, _logger);
        _referral = new LegReferral(id, callId, post, _work, _logger);
        _requests = new LegDialogRequests(id, callId, _media, post, _referral, _logger);
        _media.DigitReceived += OnDigit;
        _media.PlaybackFinished += OnPlaybackFinished;
        _media.RtpTimeout += OnRtpTimeout;
    }

    /// <summary>The leg's id in the call.</summary>
    public LegId Id { get; }

    /// <summary>Where the signalling is.</summary>
    public LegStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The leg's media session.</summary>
    public MediaSession Media => _media;

    /// <summary>The dialog once the leg is up.</summary>
    public SipDialog? Dialog => _dialog;

    /// <summary>The content type of our session descriptions (RFC 4566 §8.1).</summary>
    public const string SdpContentType = "application/sdp";

    /// <summary>
    /// Answers the caller's INVITE: 488 without a usable offer, else 200 OK with our answer; media starts when the ACK
    /// confirms the dialog (never before: an unconfirmed INVITE must not make us stream RTP at whatever its SDP names).
    /// Posts <see cref="LegConfirmed"/>, or <see cref="LegEnded"/> when the call was not set up.
    /// </summary>
    public async Task AnswerAsync(IncomingCall incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        lock (_gate)
        {
            _incoming = incoming;
            _status = LegStatus.Setup;
        }

        if (incoming.OfferBody.IsEmpty)
        {
            await incoming.RejectAsync(SipStatusCodes.NotAcceptableHere, "Not Acceptable Here (no SDP offer)", cancellationToken).ConfigureAwait(false);
            Gone("no SDP offer");
            return;
        }

        // Strict RTP also accepts media from where the INVITE came from (a caller behind NAT).
        _media.SetSignallingSource(incoming.Remote.Address.Address);
        var offer = _media.AnswerOffer(Encoding.UTF8.GetString(incoming.OfferBody.Span));
        if (offer is not { IsAccepted: true, Answer: { } answer, Media: { } media })
        {
            var why = CallLegLog.LoggableSdpFailure(offer.FailureReason);
            CallLegLog.OfferRefused(_logger, _callId, Id.ToString(), SipMethods.Invite, why);
            await incoming.RejectAsync(SipStatusCodes.NotAcceptableHere, null, cancellationToken).ConfigureAwait(false);
            Gone("488: " + why);
            return;
        }

        SipDialog dialog;
        try
        {
            dialog = await incoming.AnswerAsync(SdpContentType, Encoding.UTF8.GetBytes(answer.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            Gone(ex is TimeoutException ? "no ACK" : "cancelled");
            return;
        }

        _media.Start(media);
        Attach(dialog);
        _post(new LegConfirmed(Id, media.Codec.ToString()));
    }

    /// <summary>Sends our INVITE (RFC 3261 §13.2); posts exactly one <see cref="LegDialled"/>. <see cref="HangUp"/> while it rings sends CANCEL.</summary>
    public void Dial(SipUserAgent userAgent, SipUri target, SipInviteOptions options)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        ArgumentNullException.ThrowIfNull(target);
        var dial = CancellationTokenSource.CreateLinkedTokenSource(_work.Life);
        lock (_gate)
        {
            _dial = dial;
            _status = LegStatus.Setup;
        }

        _work.Track(DialAsync(userAgent, target, options, dial.Token));
    }

    /// <summary>Reports a dial that could not even be sent (bad address, no trunk).</summary>
    public void FailDial(string reason)
    {
        Gone(reason, announce: false);
        _post(new LegDialled(Id, DialOutcome.Failed, reason));
    }

    private async Task DialAsync(SipUserAgent userAgent, SipUri target, SipInviteOptions options, CancellationToken cancellationToken)
    {
        SipCallResult result;
        try
        {
            var offer = Encoding.UTF8.GetBytes(_media.CreateOffer());
            result = await userAgent.InviteAsync(target, SdpContentType, offer, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exception's type, never its message: a message may quote the dialled URI (a citizen's number).
            var failure = ex is OperationCanceledException ? "cancelled" : ex.GetType().Name;
            Gone(failure, announce: false);
            _post(new LegDialled(Id, ex is OperationCanceledException ? DialOutcome.NoAnswer : DialOutcome.Failed, failure));
            return;
        }

        // The status code with its standard phrase, not the peer's: a reason phrase is free text (it may carry a number).
        var detail = $"{result.StatusCode} {SipStatusCodes.ReasonPhrase(result.StatusCode)}";
        if (result is not { Answered: true, Dialog: { } dialog })
        {
            Gone(detail, announce: false);
            _post(new LegDialled(Id, DialOutcomes.FromStatus(result.StatusCode), detail, result.StatusCode));
            return;
        }

        _media.SetSignallingSource(dialog.Peer.Address.Address);
        var media = _media.AcceptAnswer(Encoding.UTF8.GetString(result.AnswerBody.Span));
        if (!media.IsAccepted)
        {
            Attach(dialog);
            HangUp();
            _post(new LegDialled(Id, DialOutcome.Failed, "no common codec: " + CallLegLog.LoggableSdpFailure(media.FailureReason), result.StatusCode));
            return;
        }

        Attach(dialog);
        _post(new LegDialled(Id, DialOutcome.Answered, detail, result.StatusCode));
    }

    /// <summary>Lets the leg go whatever its state: CANCEL while ringing, 503 to an unanswered caller, BYE when up.</summary>
    public void HangUp()
    {
        CancellationTokenSource? dial;
        IncomingCall? incoming;
        SipDialog? dialog;
        lock (_gate)
        {
            if (_status is LegStatus.Releasing or LegStatus.Gone)
            {
                return;
            }

            _status = LegStatus.Releasing;
            dial = _dial;
            incoming = _dialog is null ? _incoming : null;
            dialog = _dialog;
        }

        if (dialog is not null)
        {
            _work.Track(ByeAsync(dialog));
        }
        else if (incoming is not null)
        {
            _work.Track(incoming.RejectAsync(SipStatusCodes.ServiceUnavailable, null, CancellationToken.None));
        }
        else
        {
            dial?.Cancel();
        }
    }

    /// <summary>Plays <paramref name="source"/> from the next tick; <see cref="PlaybackFinished"/> with <paramref name="playbackId"/> follows its end.</summary>
    public void Play(IAudioSource source, int playbackId)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            _source = source;
            _playbackId = playbackId;
            _media.Play(source);
        }
    }

    /// <summary>Stops what plays (silence, or the bridged audio).</summary>
    public void StopPlayback()
    {
        lock (_gate)
        {
            _source = null;
            _media.StopPlayback();
        }
    }

    /// <summary>Relays audio and telephone events both ways between two legs; prompts on both stop.</summary>
    public static void Bridge(CallLeg first, CallLeg second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        first.StopPlayback();
        second.StopPlayback();
        first.Unbridge();
        second.Unbridge();
        MediaBridge.Join(first._media, second._media);
    }

    /// <summary>Ends the bridge this leg is in.</summary>
    public void Unbridge() => _media.Bridge?.Dispose();

    /// <summary>Blind transfer (RFC 3515): asks this leg's phone to call <paramref name="target"/>.</summary>
    public Task ReferAsync(string target) => _dialog is { } dialog ? _referral.SendAsync(dialog, target) : Task.CompletedTask;

    /// <summary>Answers the pending REFER; after 202 the phone gets the first NOTIFY (100 Trying, RFC 3515 §2.4.4).</summary>
    public void AnswerRefer(int statusCode) => _referral.Answer(statusCode, _dialog);

    /// <summary>Tells the phone that sent the REFER how it ended (final NOTIFY with the target's status line).</summary>
    public void NotifyRefer(int statusCode) => _referral.Notify(statusCode, _dialog);

    /// <summary>Stops reading, lets the leg go if still up, waits for everything it started and frees the media port.</summary>
    public async ValueTask DisposeAsync()
    {
        HangUp();
        await _work.DisposeAsync().ConfigureAwait(false);
        _media.DigitReceived -= OnDigit;
        _media.PlaybackFinished -= OnPlaybackFinished;
        _media.RtpTimeout -= OnRtpTimeout;
        await _media.DisposeAsync().ConfigureAwait(false);
        _dial?.Dispose();
    }

    private void Attach(SipDialog dialog)
    {
        bool released;
        lock (_gate)
        {
            _dialog = dialog;
            released = _status == LegStatus.Releasing;
            if (_status == LegStatus.Setup)
            {
                _status = LegStatus.Up;
            }
        }

        _work.Track(WatchAsync(dialog));
        _work.Track(_requests.ReadAsync(dialog, _work.Life));
        if (released)
        {
            // Let go while it was being set up (a 2xx that crossed our CANCEL, an ACK after the call ended): BYE now.
            _work.Track(ByeAsync(dialog));
        }
    }

    private async Task WatchAsync(SipDialog dialog)
    {
        var reason = await dialog.Terminated.ConfigureAwait(false);
        Gone(reason.Reason);
    }

    /// <summary>Marks the leg over; posts <see cref="LegEnded"/> unless we let it go ourselves (or it never came up).</summary>
    private void Gone(string reason, bool announce = true)
    {
        bool news;
        lock (_gate)
        {
            news = announce && _status is not (LegStatus.Releasing or LegStatus.Gone);
            _status = LegStatus.Gone;
        }

        if (news)
        {
            _post(new LegEnded(Id, reason));
        }
    }

    private async Task ByeAsync(SipDialog dialog)
    {
        if (!dialog.Terminated.IsCompleted)
        {
            await _work.SendAsync("BYE", token => dialog.ByeAsync(token)).ConfigureAwait(false);
        }
    }

    private void OnDigit(object? sender, DtmfDigit digit) => _post(new DigitReceived(digit.Digit));

    private void OnRtpTimeout(object? sender, EventArgs e) => _post(new MediaTimedOut(Id));

    private void OnPlaybackFinished(object? sender, EventArgs e)
    {
        int id;
        lock (_gate)
        {
            // Play() swaps both under this lock: a session that is not playing while we hold a source means it ran out.
            if (_media.IsPlaying || _source is null)
            {
                return;
            }

            id = _playbackId;
            _source = null;
        }

        _post(new PlaybackFinished(id));
    }
}
