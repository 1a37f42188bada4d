using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.Dialplan.Engine;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

public sealed partial class CallSession
{
    private CallMedia? _agentLeg;
    private byte[]? _agentOffer;
    private SipDialog? _agentDialog;
    private CancellationTokenSource? _agentDial;
    private string? _agentId;

    private async Task OnAcdEventAsync(CallEvent e, CancellationToken cancellationToken)
    {
        CallLog.AcdEvent(_context.Logger, CallId, e.Type.ToString(), e.AgentId);
        if (e.Type != CallEventType.Accepted || e.AgentId is null)
        {
            return;
        }

        if (Phase is not CallPhase.Queued)
        {
            // Accepted for a call that is no longer waiting here (e.g. already dialling): give the agent back.
            await TryAcdAsync(() => _context.Acd.RejectAsync(e.AgentId, CallId, cancellationToken)).ConfigureAwait(false);
            return;
        }

        Phase = CallPhase.DialingAgent;
        _agentId = e.AgentId;
        _agentLeg = CallMedia.Create(_context.Media, MediaLegDirection.Outbound);
        _agentOffer = _agentLeg.CreateOffer();
        _agentDial = CancellationTokenSource.CreateLinkedTokenSource(_ended.Token);
        var ringTimeout = _queue?.OfferTimeout is { } t && t > TimeSpan.Zero ? t : TimeSpan.FromSeconds(20);
        _ = DialAgentAsync(e.AgentId, e.AgentSipAddress, _agentOffer, ringTimeout, _agentDial.Token);
    }

    /// <summary>UAC INVITE to the agent's phone: its registered contact when there is one, else the address it signed in with.</summary>
    private async Task DialAgentAsync(string agentId, string? sipAddress, byte[] offer, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        try
        {
            if (!SipUri.TryParse(sipAddress, out var address))
            {
                Post(new CallSessionEvent.AgentDialed(agentId, null, $"agent SIP address '{sipAddress}' is not a SIP URI"));
                return;
            }

            var target = address;
            SipEndPoint? destination = null;
            var bindings = await _context.Sip.Registrar.LookupAsync(address, cancellationToken).ConfigureAwait(false);
            if (bindings.Count > 0)
            {
                var binding = bindings.MaxBy(b => b.ExpiresAt)!;
                if (SipUri.TryParse(binding.Contact, out var contact))
                {
                    target = contact;
                }

                destination = binding.Source;
            }

            var options = new SipInviteOptions
            {
                RingTimeout = ringTimeout,
                Destination = destination,
                From = new SipNameAddress(SipUri.Create(CallerNumber, _context.Sip.UserAgent.ContactFor(SipTransportKind.Udp).Uri.Host)),
            };
                        var result = await _context.Sip.UserAgent.InviteAsync(target, CallMedia.SdpContentType, offer, options, cancellationToken).ConfigureAwait(false);
            Post(new CallSessionEvent.AgentDialed(agentId, result, null));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Post(new CallSessionEvent.AgentDialed(agentId, null, ex.Message));
        }
    }

    private async Task OnAgentDialedAsync(CallSessionEvent.AgentDialed dialed, CancellationToken cancellationToken)
    {
        var result = dialed.Result;
        if (Phase != CallPhase.DialingAgent)
        {
            // The caller left while the phone rang; a 2xx that crossed the CANCEL is ended here.
            if (result?.Dialog is { } late)
            {
                await ByeAsync(late).ConfigureAwait(false);
            }

            return;
        }

        if (result is { Answered: true, Dialog: { } dialog } && _agentLeg is not null && _agentOffer is not null)
        {
            var media = _agentLeg.AcceptAnswer(result.AnswerBody, dialog.Peer.Address.Address);
            if (media.IsAccepted)
            {
                _agentDialog = dialog;
                _ = dialog.Terminated.ContinueWith(t => Post(new CallSessionEvent.AgentGone(t.Result, dialog)), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                await TryAcdAsync(() => _context.Acd.CallAnsweredAsync(CallId, cancellationToken)).ConfigureAwait(false);
                await ExecuteAsync(_ivr!.Handle(new AgentConnected()), cancellationToken).ConfigureAwait(false);
                foreach (var name in _timers.Keys.ToList())
                {
                    DisposeTimer(name);
                }

                StopPlaying();
                Phase = CallPhase.Connected;
                CallMedia.Bridge(_callerLeg!, _agentLeg);
                CallLog.Connected(_context.Logger, CallId, dialed.AgentId, media.Media!.Codec.ToString());
                await PublishAgentEventAsync(hub => hub.CallConnectedAsync(dialed.AgentId, CallId, _queue?.Id ?? string.Empty, cancellationToken)).ConfigureAwait(false);
                return;
            }

            CallLog.AgentDialFailed(_context.Logger, CallId, dialed.AgentId, "no common codec: " + media.FailureReason);
            await ByeAsync(dialog).ConfigureAwait(false);
        }
        else
        {
            CallLog.AgentDialFailed(_context.Logger, CallId, dialed.AgentId, dialed.Failure ?? $"{result?.StatusCode} {result?.FinalResponse.ReasonPhrase}");
        }

        // No answer (or unusable answer): the offer is rejected, the caller keeps their place and hears the music again.
        await DisposeAgentLegAsync().ConfigureAwait(false);
        Phase = CallPhase.Queued;
        await TryAcdAsync(() => _context.Acd.RejectAsync(dialed.AgentId, CallId, cancellationToken)).ConfigureAwait(false);
        _agentId = null;
        SetPositionPoll();
    }

    private async Task OnCallerGoneAsync(SipDialogEndReason reason, CancellationToken cancellationToken)
    {
        CallLog.CallerLeft(_context.Logger, CallId, Phase.ToString(), reason.Reason);
        var phase = Phase;
        Phase = CallPhase.Ended;
        _done = true;
        if (_agentDial is not null)
        {
            await _agentDial.CancelAsync().ConfigureAwait(false);
        }

        if (_targetDial is not null)
        {
            await _targetDial.CancelAsync().ConfigureAwait(false);
        }

        switch (phase)
        {
            case CallPhase.Connected or CallPhase.Transferring:
                if (_agentDialog is not null)
                {
                    await ByeAsync(_agentDialog).ConfigureAwait(false);
                }

                if (phase == CallPhase.Transferring)
                {
                    await TransferAbortedAsync("caller hung up", cancellationToken).ConfigureAwait(false);
                }

                await TryAcdAsync(() => _context.Acd.CallEndedAsync(CallId, cancellationToken)).ConfigureAwait(false);
                break;
            case CallPhase.TransferConnected:
                if (_targetDialog is not null)
                {
                    await ByeAsync(_targetDialog).ConfigureAwait(false);
                }

                break;
            case CallPhase.Queued or CallPhase.DialingAgent:
                await RememberAbandonedPlaceAsync(cancellationToken).ConfigureAwait(false);
                await TryAcdAsync(() => _context.Acd.AbandonAsync(CallId, cancellationToken)).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnAgentGoneAsync(CallSessionEvent.AgentGone gone, CancellationToken cancellationToken)
    {
        var reason = gone.Reason;
        if (gone.Dialog is not null && !ReferenceEquals(gone.Dialog, _agentDialog))
        {
            return; // an agent leg this call already left (transferred away)
        }

        if (Phase == CallPhase.Transferring)
        {
            // The agent hung up while the transfer target rings: the transfer goes on; unanswered, the caller goes back to the queue.
            CallLog.AgentLeft(_context.Logger, CallId, _agentId, reason.Reason + " (during transfer)");
            _agentLeftDuringTransfer = true;
            return;
        }

        if (Phase != CallPhase.Connected)
        {
            return;
        }

        CallLog.AgentLeft(_context.Logger, CallId, _agentId, reason.Reason);
        Phase = CallPhase.Ended;
        _done = true;
        _callerLeg?.Unbridge();
        if (_callerDialog is not null)
        {
            await ByeAsync(_callerDialog).ConfigureAwait(false);
        }

        await TryAcdAsync(() => _context.Acd.CallEndedAsync(CallId, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Ends the call from our side: BYE to both legs, and the ACD told what became of the call.</summary>
    private async Task EndCallAsync(string reason, CancellationToken cancellationToken)
    {
        if (Phase == CallPhase.Ended)
        {
            _done = true;
            return;
        }

        CallLog.Ending(_context.Logger, CallId, Phase.ToString(), reason);
        var phase = Phase;
        Phase = CallPhase.Ended;
        _done = true;
        if (_agentDial is not null)
        {
            await _agentDial.CancelAsync().ConfigureAwait(false);
        }

        if (_targetDial is not null)
        {
            await _targetDial.CancelAsync().ConfigureAwait(false);
        }

        if (_agentDialog is not null)
        {
            await ByeAsync(_agentDialog).ConfigureAwait(false);
        }

        if (_targetDialog is not null)
        {
            await ByeAsync(_targetDialog).ConfigureAwait(false);
        }

        if (_callerDialog is not null)
        {
            await ByeAsync(_callerDialog).ConfigureAwait(false);
        }
        else
        {
            await _incoming.RejectAsync(SipStatusCodes.ServiceUnavailable, null, cancellationToken).ConfigureAwait(false);
        }

        if (phase == CallPhase.Transferring)
        {
            await TransferAbortedAsync(reason, cancellationToken).ConfigureAwait(false);
        }

        if (phase is CallPhase.Connected or CallPhase.Transferring)
        {
            await TryAcdAsync(() => _context.Acd.CallEndedAsync(CallId, cancellationToken)).ConfigureAwait(false);
        }
        else if (phase is CallPhase.Queued or CallPhase.DialingAgent)
        {
            await TryAcdAsync(() => _context.Acd.AbandonAsync(CallId, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task ByeAsync(SipDialog dialog)
    {
        if (dialog.Terminated.IsCompleted)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(35), _context.TimeProvider);
            await dialog.ByeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            CallLog.ByeFailed(_context.Logger, CallId, ex.Message);
        }
    }

    private async Task DisposeAgentLegAsync()
    {
        if (_agentLeg is not null)
        {
            await _agentLeg.DisposeAsync().ConfigureAwait(false);
            _agentLeg = null;
        }

        _agentOffer = null;
    }

    private async Task TryAcdAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OperationCanceledException)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, ex.Message);
        }
    }
}
