using Switchboard.Acd.CallControl;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;
using Switchboard.Dialplan.Engine;
using Switchboard.Media.Sessions;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

/// <summary>
/// Transfers an agent asks for (a <see cref="CallControlCommand"/> of kind transfer). To a queue: the agent leg ends,
/// the caller waits in the target queue at the original place. To an external target (handläggare): the caller hears
/// music on hold while the agent leg is held (not bridged) and the target rings; answered: caller and target are
/// bridged and the agent leaves; not answered: the caller goes back to the agent or the queue. Every transfer ends in a
/// <c>TransferResult</c> on the agent's stream and <c>transferred</c> / <c>transfer_*</c> events in the ACD stream.
/// </summary>
public sealed partial class CallSession
{
    private CallControlCommand? _transfer;
    private TransferTarget? _transferTarget;
    private CallMedia? _targetLeg;
    private SipDialog? _targetDialog;
    private CancellationTokenSource? _targetDial;
    private DateTimeOffset _transferStartedAt;
    private bool _agentLeftDuringTransfer;
    private Action? _afterPlayback;

    private async Task OnTransferRequestedAsync(CallControlCommand command, CancellationToken cancellationToken)
    {
        if (Phase != CallPhase.Connected || !string.Equals(command.AgentId, _agentId, StringComparison.Ordinal))
        {
            CallLog.TransferFailed(_context.Logger, CallId, command.TargetQueue ?? command.TargetNumber ?? "?", $"call is {Phase}, not connected to agent {command.AgentId}");
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "refused: the call is not connected to this agent", cancellationToken)).ConfigureAwait(false);
            return;
        }

        if (!string.IsNullOrWhiteSpace(command.TargetQueue))
        {
            await TransferToQueueAsync(command, command.TargetQueue.Trim(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await StartExternalTransferAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Transfer to another svarsgrupp: the agent leg ends (agent to wrap-up), the caller waits there at the original place.</summary>
    private async Task TransferToQueueAsync(CallControlCommand command, string queueId, CancellationToken cancellationToken)
    {
        var agentId = command.AgentId;
        if (!_ivr!.Dialplan.Queues.TryGetValue(queueId, out var target))
        {
            CallLog.TransferFailed(_context.Logger, CallId, queueId, "unknown queue");
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(agentId, CallId, false, $"refused: no queue '{queueId}'", cancellationToken)).ConfigureAwait(false);
            return;
        }

        var skills = QueueOptionsMapper.ToEnqueueRequest(CallId, target, _language, CallerNumber).Skills;
        var result = AcdCommandResult.NotFound;
        await TryAcdAsync(async () =>
        {
            result = await _context.Acd.TransferToQueueAsync(CallId, target.Id, skills, cancellationToken).ConfigureAwait(false);
            if (result == AcdCommandResult.NotFound && await _context.Acd.GetEntryAsync(CallId, cancellationToken).ConfigureAwait(false) is not null)
            {
                // The target queue is not configured in the ACD yet (e.g. added by a later dialplan version).
                await _context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(target), cancellationToken).ConfigureAwait(false);
                result = await _context.Acd.TransferToQueueAsync(CallId, target.Id, skills, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        if (result != AcdCommandResult.Ok)
        {
            CallLog.TransferFailed(_context.Logger, CallId, queueId, "ACD: " + result);
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(agentId, CallId, false, $"failed: {result}", cancellationToken)).ConfigureAwait(false);
            return;
        }

        CallLog.TransferredToQueue(_context.Logger, CallId, agentId, queueId);
        _queue = target;
        _callerLeg!.Unbridge();
        Phase = CallPhase.Queued;
        PlayHold("transfer_connecting");
        await ReleaseAgentLegAsync().ConfigureAwait(false);
        SetPositionPoll();
        await PublishAgentEventAsync(hub => hub.TransferResultAsync(agentId, CallId, true, "transferred_to_queue", cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Transfer to a number or SIP URI: caller on hold music, agent held, the target rings.</summary>
    private async Task StartExternalTransferAsync(CallControlCommand command, CancellationToken cancellationToken)
    {
        var policy = _context.Callbacks?.Options.NumberPolicy;
        var target = TransferTarget.Resolve(command.TargetNumber, _context.Trunk ?? new TrunkOptions(), _context.Transfers ?? new TransferOptions(), policy);
        var queue = _queue?.Id ?? string.Empty;
        if (target.Refusal is { } refusal)
        {
            // Toll-fraud guard: nothing is dialled; the caller stays with the agent.
            CallLog.TransferFailed(_context.Logger, CallId, target.Display, refusal);
            await TryAcdAsync(() => _context.Acd.AppendTransferEventAsync("transfer_not_answered",
                [new("call", CallId), new("queue", queue), new("agent", command.AgentId), new("target", target.Display), new("returned_to", "agent"), new("reason", "refused: " + refusal)],
                cancellationToken)).ConfigureAwait(false);
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "refused: " + refusal, cancellationToken)).ConfigureAwait(false);
            return;
        }

        _transfer = command;
        _transferTarget = target;
        _agentLeftDuringTransfer = false;
        _transferStartedAt = _context.TimeProvider.GetUtcNow();
        Phase = CallPhase.Transferring;
        _callerLeg!.Unbridge();
        PlayHold("transfer_connecting");
        CallLog.TransferStarted(_context.Logger, CallId, command.AgentId, target.Display);
        await TryAcdAsync(() => _context.Acd.AppendTransferEventAsync("transfer_started",
            [new("call", CallId), new("queue", queue), new("agent", command.AgentId), new("target", target.Display)], cancellationToken)).ConfigureAwait(false);

        _targetLeg = CallMedia.Create(_context.Media, MediaLegDirection.Outbound);
        var offer = _targetLeg.CreateOffer();
        var maxRing = (_context.Transfers ?? new TransferOptions()).MaxRingTimeout;
        var ring = TimeSpan.FromSeconds(Math.Clamp(command.RingTimeoutSeconds, 1, (int)maxRing.TotalSeconds));
        _targetDial = CancellationTokenSource.CreateLinkedTokenSource(_ended.Token);
        var options = new SipInviteOptions
        {
            RingTimeout = ring,
            Credentials = target.Credentials,
            From = new SipNameAddress(SipUri.Create(CallerNumber, _context.Sip.UserAgent.ContactFor(SipTransportKind.Udp).Uri.Host)),
        };
        _ = DialTargetAsync(target.Uri!, offer, options, _targetDial.Token);
    }

    private async Task DialTargetAsync(SipUri target, byte[] offer, SipInviteOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _context.Sip.UserAgent.InviteAsync(target, CallMedia.SdpContentType, offer, options, cancellationToken).ConfigureAwait(false);
            Post(new CallSessionEvent.TransferDialed(result, null));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Post(new CallSessionEvent.TransferDialed(null, ex is OperationCanceledException ? "cancelled" : ex.Message));
        }
    }

    private async Task OnTransferDialedAsync(CallSessionEvent.TransferDialed dialed, CancellationToken cancellationToken)
    {
        var result = dialed.Result;
        if (Phase != CallPhase.Transferring || _transfer is not { } command || _transferTarget is not { } target)
        {
            if (result?.Dialog is { } late)
            {
                await ByeAsync(late).ConfigureAwait(false);
            }

            return;
        }

        var queue = _queue?.Id ?? string.Empty;
        var ringMillis = (long)(_context.TimeProvider.GetUtcNow() - _transferStartedAt).TotalMilliseconds;
        string failure;
        if (result is { Answered: true, Dialog: { } dialog } && _targetLeg is not null)
        {
            var media = _targetLeg.AcceptAnswer(result.AnswerBody, dialog.Peer.Address.Address);
            if (media.IsAccepted)
            {
                _targetDialog = dialog;
                _ = dialog.Terminated.ContinueWith(t => Post(new CallSessionEvent.TargetGone(t.Result)), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                StopPlaying();
                Phase = CallPhase.TransferConnected;
                CallMedia.Bridge(_callerLeg!, _targetLeg);
                CallLog.TransferAnswered(_context.Logger, CallId, target.Display);
                await TryAcdAsync(() => _context.Acd.AppendTransferEventAsync("transfer_answered",
                    [new("call", CallId), new("queue", queue), new("agent", command.AgentId), new("target", target.Display), new("ring", ringMillis.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    cancellationToken)).ConfigureAwait(false);
                await ReleaseAgentLegAsync().ConfigureAwait(false);
                await TryAcdAsync(() => _context.Acd.CallEndedAsync(CallId, cancellationToken)).ConfigureAwait(false);
                await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, true, "answered", cancellationToken)).ConfigureAwait(false);
                ClearTransfer();
                return;
            }

            failure = "no common codec: " + media.FailureReason;
            await ByeAsync(dialog).ConfigureAwait(false);
        }
        else
        {
            failure = dialed.Failure ?? $"{result?.StatusCode} {result?.FinalResponse.ReasonPhrase}".Trim();
        }

        if (_targetLeg is not null)
        {
            await _targetLeg.DisposeAsync().ConfigureAwait(false);
            _targetLeg = null;
        }

        var agentGone = _agentLeftDuringTransfer || _agentDialog is null || _agentDialog.Terminated.IsCompleted;
        var toQueue = command.ReturnToQueueOnNoAnswer || agentGone;
        CallLog.TransferNotAnswered(_context.Logger, CallId, target.Display, failure, toQueue ? "queue" : "agent");
        ClearTransfer();
        if (!toQueue)
        {
            await TryAcdAsync(() => _context.Acd.AppendTransferEventAsync("transfer_not_answered",
                [new("call", CallId), new("queue", queue), new("agent", command.AgentId), new("target", target.Display), new("returned_to", "agent"), new("reason", failure)],
                cancellationToken)).ConfigureAwait(false);
            StopPlaying();
            Phase = CallPhase.Connected;
            CallMedia.Bridge(_callerLeg!, _agentLeg!);
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "not_answered_returned_to_agent", cancellationToken)).ConfigureAwait(false);
            return;
        }

        var returned = AcdCommandResult.NotFound;
        await TryAcdAsync(async () => returned = await _context.Acd.ReturnToQueueAsync(CallId, target.Display, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (returned != AcdCommandResult.Ok)
        {
            // The ACD could not take the caller back (Redis away): say so rather than leave them on music forever.
            await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "not_answered_return_failed", cancellationToken)).ConfigureAwait(false);
            await EndCallAsync("transfer not answered and the queue could not take the caller back", cancellationToken).ConfigureAwait(false);
            return;
        }

        Phase = CallPhase.Queued;
        PlayHold("transfer_failed");
        await ReleaseAgentLegAsync().ConfigureAwait(false);
        SetPositionPoll();
        await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "not_answered_returned_to_queue", cancellationToken)).ConfigureAwait(false);
    }

    private async Task OnTargetGoneAsync(SipDialogEndReason reason)
    {
        if (Phase != CallPhase.TransferConnected)
        {
            return;
        }

        CallLog.AgentLeft(_context.Logger, CallId, "transfer target", reason.Reason);
        Phase = CallPhase.Ended;
        _done = true;
        _callerLeg?.Unbridge();
        if (_callerDialog is not null)
        {
            await ByeAsync(_callerDialog).ConfigureAwait(false);
        }
    }

    /// <summary>The call ended while the target rang: the transfer is recorded as not answered.</summary>
    private async Task TransferAbortedAsync(string reason, CancellationToken cancellationToken)
    {
        if (_transfer is not { } command || _transferTarget is not { } target)
        {
            return;
        }

        ClearTransfer();
        await TryAcdAsync(() => _context.Acd.AppendTransferEventAsync("transfer_not_answered",
            [new("call", CallId), new("queue", _queue?.Id ?? string.Empty), new("agent", command.AgentId), new("target", target.Display), new("returned_to", "none"), new("reason", reason)],
            cancellationToken)).ConfigureAwait(false);
        await PublishAgentEventAsync(hub => hub.TransferResultAsync(command.AgentId, CallId, false, "not_answered_call_ended", cancellationToken)).ConfigureAwait(false);
    }

    private void ClearTransfer()
    {
        _transfer = null;
        _transferTarget = null;
    }

    /// <summary>The agent leaves the call (BYE, leg disposed; the caller must be unbridged from it already); their later dialog end is ignored.</summary>
    private async Task ReleaseAgentLegAsync()
    {
        var dialog = _agentDialog;
        _agentDialog = null;
        _agentId = null;
        if (dialog is not null)
        {
            await ByeAsync(dialog).ConfigureAwait(false);
        }

        await DisposeAgentLegAsync().ConfigureAwait(false);
        _agentDial?.Dispose();
        _agentDial = null;
    }

    /// <summary>Plays <paramref name="prompt"/> to the caller, then music on hold until something else plays.</summary>
    private void PlayHold(string? prompt)
    {
        if (prompt is null)
        {
            PlayMusicOnHold();
            return;
        }

        Play(new PlayPrompts([prompt], _language, Interruptible: false));
        _afterPlayback = PlayMusicOnHold;
    }

    private void PlayMusicOnHold()
    {
        if (Phase is CallPhase.Queued or CallPhase.Transferring or CallPhase.DialingAgent)
        {
            Play(new PlayPrompts(["music_on_hold"], _language, Interruptible: true, Loop: true));
        }
    }

    private async Task PublishAgentEventAsync(Func<AgentNoticeStore, Task> publish)
    {
        if (_context.AgentEvents is not { } hub)
        {
            return;
        }

        try
        {
            await publish(hub).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OperationCanceledException or ArgumentException)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, "agent event not sent: " + ex.Message);
        }
    }
}
