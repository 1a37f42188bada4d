using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using Switchboard.Media.Playback;
using Switchboard.Media.Prompts;
using Switchboard.Sip.Messages;

namespace Switchboard.Server.Calls;

public sealed partial class CallSession
{
    private static readonly TimeSpan PositionPollInterval = TimeSpan.FromSeconds(10);
    private QueueDefinition? _queue;
    private string _language = "sv";

    /// <summary>Runs the IVR engine's commands in order (the engine's events they cause are handled the same way).</summary>
    private async Task ExecuteAsync(IReadOnlyList<IvrCommand> commands, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            if (_done)
            {
                return;
            }

            switch (command)
            {
                case PlayPrompts play:
                    Play(play);
                    break;
                case StopPlayback:
                    StopPlaying();
                    break;
                case CollectDigits collect:
                    SetTimer(collect.TimerName, collect.Timeout);
                    break;
                case SetTimer set:
                    SetTimer(set.Name, set.Delay);
                    break;
                case CancelTimer cancel:
                    DisposeTimer(cancel.Name);
                    break;
                case Enqueue enqueue:
                    await EnqueueAsync(enqueue, cancellationToken).ConfigureAwait(false);
                    break;
                case RequestCallback callback:
                    if (await RequestCallbackAsync(callback, cancellationToken).ConfigureAwait(false) is { } refusal)
                    {
                        // Refused: the rest of this batch (the confirmation and goodbye) must not play.
                        await ExecuteAsync(_ivr!.Handle(new CallbackRefused(refusal)), cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    break;
                case Transfer transfer:
                    await TransferAsync(transfer.Target, cancellationToken).ConfigureAwait(false);
                    break;
                case HangUp hangUp:
                    await EndCallAsync(hangUp.Reason, cancellationToken).ConfigureAwait(false);
                    return;
            }
        }
    }

    private void Play(PlayPrompts play)
    {
        if (Phase is CallPhase.Connected || _callerLeg is null)
        {
            return;
        }

        _language = play.Language;
        IAudioSource? source = null;
        try
        {
            source = play.Loop && play.Prompts.Count == 1
                ? _context.Prompts.Library.CreateLoop(play.Prompts[0], play.Language)
                : _context.Prompts.Library.CreatePlayer(play.Language, play.Prompts);
        }
        catch (PromptNotFoundException ex)
        {
            CallLog.PromptMissing(_context.Logger, CallId, ex.Message);
        }

        // A missing prompt must not stall the menu: an empty player finishes at the next tick.
        source ??= new PromptPlayer();
        _playing = source;
        _callerLeg.Play(source);
    }

    private void StopPlaying()
    {
        if (_playing is PromptPlayer player)
        {
            player.Stop();
        }
        else if (_playing is LoopingSource loop)
        {
            loop.Stop();
        }

        _playing = null;
        if (Phase is not CallPhase.Connected)
        {
            _callerLeg?.Play(null);
        }
    }

    private void SetTimer(string name, TimeSpan delay)
    {
        DisposeTimer(name);
        _timers[name] = _context.TimeProvider.CreateTimer(_ => Post(new TimerElapsed(name)), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void DisposeTimer(string name)
    {
        if (_timers.Remove(name, out var timer))
        {
            timer.Dispose();
        }
    }

    private async Task EnqueueAsync(Enqueue enqueue, CancellationToken cancellationToken)
    {
        _queue = enqueue.Queue;
        _language = enqueue.Language;
        var request = QueueOptionsMapper.ToEnqueueRequest(CallId, enqueue.Queue, enqueue.Language, CallerNumber);
        EnqueueResult result;
        try
        {
            if (await TakeResumablePlaceAsync(enqueue.Queue.Id, cancellationToken).ConfigureAwait(false) is { } place)
            {
                // Hung up while waiting and called again within the window: back at the old place.
                request = request with { OriginalEnqueuedAt = place };
            }

            result = await _context.Acd.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == EnqueueOutcome.UnknownQueue)
            {
                await _context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(enqueue.Queue), cancellationToken).ConfigureAwait(false);
                result = await _context.Acd.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StoreUnavailableException ex)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, ex.Message);
            await ExecuteAsync(_ivr!.Handle(new QueueUnavailable()), cancellationToken).ConfigureAwait(false);
            return;
        }

        CallLog.Enqueued(_context.Logger, CallId, result.Queue, result.Outcome.ToString(), result.Position?.Position switch
        {
            null => "not in line",
            0 => "offered to an agent at once",
            var place => $"place {place} in line",
        });
        switch (result.Outcome)
        {
            case EnqueueOutcome.Queued or EnqueueOutcome.Overflowed or EnqueueOutcome.AlreadyQueued:
                Phase = CallPhase.Queued;
                if (result.Position is { } position)
                {
                    Post(new QueueUpdate(position.Position, position.EstimatedWait));
                }

                SetPositionPoll();
                break;
            case EnqueueOutcome.OfferCallback:
                // Nobody is signed in and the queue's no_agents is callback: the IVR runs its callback dialogue
                // (after this batch, so the queue prompt it asked for does not cut the dialogue off).
                Post(new NoAgentsAvailable());
                break;
            case EnqueueOutcome.Closed:
                // No agent logged in and the queue does not wait: say so, then end the call.
                _hangUpAfterPlay = true;
                Play(new PlayPrompts(["closed", "goodbye"], _language, Interruptible: false));
                break;
            default:
                await ExecuteAsync(_ivr!.Handle(new QueueUnavailable()), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private void SetPositionPoll()
    {
        const string name = "position-poll";
        DisposeTimer(name);
        _timers[name] = _context.TimeProvider.CreateTimer(_ => Post(new CallSessionEvent.PositionPoll()), null, PositionPollInterval, Timeout.InfiniteTimeSpan);
    }

    private async Task PollPositionAsync(CancellationToken cancellationToken)
    {
        if (Phase is not (CallPhase.Queued or CallPhase.DialingAgent))
        {
            return;
        }

        try
        {
            if (await _context.Acd.GetPositionAsync(CallId, cancellationToken).ConfigureAwait(false) is { } position && position.Position > 0)
            {
                await ExecuteAsync(_ivr!.Handle(new QueueUpdate(position.Position, position.EstimatedWait)), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StoreUnavailableException ex)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, ex.Message);
        }

        SetPositionPoll();
    }

    /// <summary>
    /// Records the callback the caller confirmed through <see cref="CallbackStore.RequestAsync"/> (validation, one per
    /// number and queue, daily limit, the waiting call's place kept). Returns null when accepted, else why it was refused.
    /// </summary>
    private async Task<string?> RequestCallbackAsync(RequestCallback callback, CancellationToken cancellationToken)
    {
        var queueId = callback.QueueId ?? _queue?.Id ?? _ivr!.Dialplan.Queues.Keys.FirstOrDefault();
        if (queueId is null || !_ivr!.Dialplan.Queues.TryGetValue(queueId, out var queue))
        {
            return "no queue for the callback";
        }

        if (_context.Callbacks is not { } callbacks)
        {
            return "callbacks are not configured";
        }

        var replaces = callback.KeepPlace && Phase == CallPhase.Queued ? CallId : null;
        CallbackRequestResult result;
        try
        {
            result = await callbacks.RequestAsync(new CallbackRequest(queue.Id, callback.Number, CallerNumber, replaces, _language, queue.Priority), cancellationToken).ConfigureAwait(false);
            if (result.Outcome == CallbackRequestOutcome.UnknownQueue)
            {
                await _context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(queue), cancellationToken).ConfigureAwait(false);
                result = await callbacks.RequestAsync(new CallbackRequest(queue.Id, callback.Number, CallerNumber, replaces, _language, queue.Priority), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StoreUnavailableException or ArgumentException)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, ex.Message);
            return "unavailable: " + ex.Message;
        }

        CallLog.CallbackRequested(_context.Logger, CallId, result.Validation.E164 ?? callback.Number, queue.Id, result.Outcome.ToString());
        if (!result.Accepted)
        {
            return result.Outcome == CallbackRequestOutcome.InvalidNumber ? $"{result.Outcome}: {result.Validation.Reason}" : result.Outcome.ToString();
        }

        if (replaces is not null)
        {
            // The callback took over the waiting call's place; this call is no longer in the queue.
            DisposeTimer("position-poll");
            Phase = CallPhase.Ivr;
        }

        return null;
    }

    /// <summary>A caller who hung up while waiting in <paramref name="queueId"/> within the resume window gets that place back.</summary>
    private async Task<DateTimeOffset?> TakeResumablePlaceAsync(string queueId, CancellationToken cancellationToken)
    {
        if (_context.Callbacks is not { } callbacks)
        {
            return null;
        }

        var place = await callbacks.TakeResumablePlaceAsync(queueId, CallerNumber, cancellationToken).ConfigureAwait(false);
        if (place is { } p)
        {
            CallLog.PlaceResumed(_context.Logger, CallId, queueId, p);
        }

        return place;
    }

    /// <summary>The caller hangs up while waiting: remember the place for the resume window (before the entry is removed).</summary>
    private async Task RememberAbandonedPlaceAsync(CancellationToken cancellationToken)
    {
        if (_context.Callbacks is not { } callbacks)
        {
            return;
        }

        try
        {
            if (await _context.Acd.GetEntryAsync(CallId, cancellationToken).ConfigureAwait(false) is { Kind: QueueEntryKind.Call } entry)
            {
                await callbacks.RememberAbandonedAsync(entry.Queue, CallerNumber, entry.EnqueuedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StoreUnavailableException or ArgumentException or OperationCanceledException)
        {
            CallLog.AcdUnavailable(_context.Logger, CallId, "abandoned place not remembered: " + ex.Message);
        }
    }

    private async Task TransferAsync(string target, CancellationToken cancellationToken)
    {
        // Blind transfer (RFC 3515): ask the caller's UA to call the target, then leave the call.
        if (_callerDialog is not null)
        {
            var uri = target.Contains(':', StringComparison.Ordinal) ? target : $"sip:{target}@{_callerDialog.RemoteTarget.Host}";
            if (SipUri.TryParse(uri, out var parsed))
            {
                try
                {
                    await _callerDialog.SendReferAsync(parsed, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    CallLog.TransferFailed(_context.Logger, CallId, target, ex.Message);
                }
            }
        }

        await EndCallAsync("transferred to " + target, cancellationToken).ConfigureAwait(false);
    }
}
