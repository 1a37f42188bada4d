using System.Text;
using System.Threading.Channels;
using Switchboard.Dialplan.Engine;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Playback;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

/// <summary>
/// One inbound call from INVITE to BYE: answers with SDP from the media engine (488 when no codec matches), runs the
/// IVR engine of the dialplan version current at call start, executes its commands on media and the ACD, dials the agent
/// who accepted and bridges the two legs. All state changes happen on one async loop reading <see cref="Post"/>ed events:
/// no thread per call, no locks.
/// </summary>
public sealed partial class CallSession : IAsyncDisposable
{
    private readonly CallContext _context;
    private readonly IncomingCall _incoming;
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _ended = new();
    private CallMedia? _callerLeg;
    private SipDialog? _callerDialog;
    private IvrSession? _ivr;
    private IAudioSource? _playing;
    private bool _hangUpAfterPlay;
    private bool _done;

    public CallSession(CallContext context, IncomingCall incoming)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incoming);
        _context = context;
        _incoming = incoming;
        CallId = "c" + Guid.NewGuid().ToString("N");
        CallerNumber = incoming.From.Uri.User ?? incoming.From.Uri.Host;
    }

    /// <summary>The call's id in the ACD and in logs (the SIP Call-ID is <see cref="SipCallId"/>).</summary>
    public string CallId { get; }

    /// <summary>The caller's SIP Call-ID.</summary>
    public string SipCallId => _incoming.CallId;

    /// <summary>The caller's number (user part of From).</summary>
    public string CallerNumber { get; }

    /// <summary>Where the call is now.</summary>
    public CallPhase Phase { get; private set; } = CallPhase.Answering;

    /// <summary>Hands an event to the session's loop (any thread).</summary>
    public void Post(object e) => _events.Writer.TryWrite(e);

    /// <summary>Runs the call to its end. Never throws for call failures.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await AnswerAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            _ivr = _context.Dialplans.StartSession();
            CallLog.Answered(_context.Logger, CallId, CallerNumber, _ivr.Dialplan.Version, _callerLeg!.Media!.Codec.ToString());
            await ExecuteAsync(_ivr.Handle(new CallStarted(CallerNumber)), cancellationToken).ConfigureAwait(false);
            await foreach (var e in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(e, cancellationToken).ConfigureAwait(false);
                if (_done)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await EndCallAsync("node shutting down", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.Failed(_context.Logger, ex, CallId);
            await EndCallAsync("internal error", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<bool> AnswerAsync(CancellationToken cancellationToken)
    {
        if (_incoming.OfferBody.IsEmpty)
        {
            await _incoming.RejectAsync(SipStatusCodes.NotAcceptableHere, "Not Acceptable Here (no SDP offer)", cancellationToken).ConfigureAwait(false);
            return false;
        }

        var leg = CallMedia.Create(_context.Media, MediaLegDirection.Inbound);
        var (result, answer) = leg.AcceptOffer(_incoming.OfferBody, _incoming.Remote.Address.Address);
        if (!result.IsAccepted)
        {
            CallLog.Rejected(_context.Logger, CallId, result.FailureReason);
            await leg.DisposeAsync().ConfigureAwait(false);
            await _incoming.RejectAsync(SipStatusCodes.NotAcceptableHere, null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        _callerLeg = leg;
        leg.DigitReceived += digit => Post(new DigitPressed(digit));
        leg.SourceFinished += source => Post(new CallSessionEvent.PlaybackDone(source));
        leg.RtpTimedOut += () => Post(new CallSessionEvent.RtpTimedOut("caller"));
        try
        {
            _callerDialog = await _incoming.AnswerAsync(CallMedia.SdpContentType, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            CallLog.NotConfirmed(_context.Logger, CallId, ex.Message);
            await leg.DisposeAsync().ConfigureAwait(false);
            _callerLeg = null;
            return false;
        }

        var dialog = _callerDialog;
        _ = dialog.Terminated.ContinueWith(t => Post(new CallSessionEvent.CallerGone(t.Result)), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        _ = ReadInDialogRequestsAsync(dialog, _ended.Token);
        Phase = CallPhase.Ivr;
        return true;
    }

    /// <summary>SIP INFO DTMF (application/dtmf-relay, application/dtmf) from the caller.</summary>
    private async Task ReadInDialogRequestsAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in dialog.Requests.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (request.Method == SipMethods.Info && SipInfoDtmf.TryParse(request.ContentType, Encoding.UTF8.GetString(request.Body.Span), out var digit))
                {
                    Post(new DigitPressed(digit.Digit));
                }
                else if (!request.IsAnswered)
                {
                    await request.RespondAsync(request.Method == SipMethods.Invite ? SipStatusCodes.NotAcceptableHere : SipStatusCodes.Ok,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleAsync(object e, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case IvrEvent ivrEvent:
                if (ivrEvent is DigitPressed && Phase == CallPhase.Connected)
                {
                    return;
                }

                if (ivrEvent is TimerElapsed elapsed)
                {
                    DisposeTimer(elapsed.Name);
                }

                await ExecuteAsync(_ivr!.Handle(ivrEvent), cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.PlaybackDone done when ReferenceEquals(done.Source, _playing):
                _playing = null;
                if (_afterPlayback is { } next)
                {
                    // A prompt the call flow played itself (transfer): what follows is ours, not the IVR's.
                    _afterPlayback = null;
                    next();
                    return;
                }

                if (_hangUpAfterPlay)
                {
                    await EndCallAsync("closed", cancellationToken).ConfigureAwait(false);
                    return;
                }

                await ExecuteAsync(_ivr!.Handle(new PromptFinished()), cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.CallerGone gone:
                await OnCallerGoneAsync(gone.Reason, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.AgentGone gone:
                await OnAgentGoneAsync(gone, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.Acd acd:
                await OnAcdEventAsync(acd.Event, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.AgentDialed dialed:
                await OnAgentDialedAsync(dialed, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.PositionPoll:
                await PollPositionAsync(cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.RtpTimedOut timedOut:
                // The media layer heard nothing from the caller for Media:RtpInactivityTimeout: the call is dead.
                await EndCallAsync($"no RTP from the {timedOut.Leg}", cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.TransferRequested transfer:
                await OnTransferRequestedAsync(transfer.Command, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.TransferDialed dialed:
                await OnTransferDialedAsync(dialed, cancellationToken).ConfigureAwait(false);
                break;
            case CallSessionEvent.TargetGone gone:
                await OnTargetGoneAsync(gone.Reason).ConfigureAwait(false);
                break;
            case CallSessionEvent.HangUpRequested request:
                CallLog.HangUpRequested(_context.Logger, CallId, request.By);
                await EndCallAsync("hang-up by " + request.By, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var timer in _timers.Values)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        _timers.Clear();
        await _ended.CancelAsync().ConfigureAwait(false);
        if (_callerLeg is not null)
        {
            await _callerLeg.DisposeAsync().ConfigureAwait(false);
        }

        if (_agentLeg is not null)
        {
            await _agentLeg.DisposeAsync().ConfigureAwait(false);
        }

        if (_targetLeg is not null)
        {
            await _targetLeg.DisposeAsync().ConfigureAwait(false);
        }

        _agentDial?.Dispose();
        _targetDial?.Dispose();
        _ended.Dispose();
    }
}
