using System.Globalization;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;

namespace Switchboard.Server.Calls;

/// <summary>
/// Carries out a call's effects on the ACD (queues, agents, callbacks, transfer statistics in Redis) and answers its
/// <see cref="StoreRequest"/>s. "The store is unavailable" is caught in one place: a request then answers so
/// (the flow decides what the caller hears), a notification is logged and dropped.
/// </summary>
internal sealed class AcdEffects(CallContext context)
{
    private int _filings; // callbacks filed by this call (one executor loop: no concurrent access)

    private ILogger Logger => context.Logger;

    /// <summary>Answers a store request; never throws for an unavailable store.</summary>
    public async Task<CallEvent> AnswerAsync(CallFlow flow, StoreRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return request switch
            {
                JoinQueue join => await JoinAsync(flow, join, cancellationToken).ConfigureAwait(false),
                PollPosition => await PollAsync(flow, cancellationToken).ConfigureAwait(false),
                FileCallback file => await FileAsync(flow, file, cancellationToken).ConfigureAwait(false),
                MoveToQueue move => await MoveAsync(flow, move, cancellationToken).ConfigureAwait(false),
                ReturnToQueue back => new ReturnedToQueue(await context.Acd.ReturnToQueueAsync(flow.CallId, back.Target, cancellationToken).ConfigureAwait(false) == AcdCommandResult.Ok),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request, "not a store request"),
            };
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            CallLog.AcdUnavailable(Logger, flow.CallId, ex.Message);
            return request switch
            {
                JoinQueue => new QueueJoined(QueueJoinOutcome.Unavailable, Detail: ex.Message),
                PollPosition => new PositionPolled(null, null),
                FileCallback => new CallbackFiled("unavailable: " + ex.Message),
                MoveToQueue => new QueueTransferAnswered(false, "unavailable"),
                _ => new ReturnedToQueue(false),
            };
        }
    }

    /// <summary>Carries out a notification to the ACD; an unavailable store is logged.</summary>
    public async Task CarryOutAsync(CallFlow flow, CallEffect effect, CancellationToken cancellationToken)
    {
        try
        {
            switch (effect)
            {
                case LeaveQueue leave:
                    if (leave.RememberPlace)
                    {
                        await RememberPlaceAsync(flow, cancellationToken).ConfigureAwait(false);
                    }

                    await context.Acd.AbandonAsync(flow.CallId, cancellationToken).ConfigureAwait(false);
                    break;
                case RejectOffer reject:
                    await context.Acd.RejectAsync(reject.AgentId, flow.CallId, cancellationToken).ConfigureAwait(false);
                    break;
                case MarkAnswered:
                    await context.Acd.CallAnsweredAsync(flow.CallId, cancellationToken).ConfigureAwait(false);
                    break;
                case MarkEnded:
                    await context.Acd.CallEndedAsync(flow.CallId, cancellationToken).ConfigureAwait(false);
                    break;
                case RecordTransfer record:
                    await context.Acd.AppendTransferEventAsync(record.Kind, record.Fields, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            CallLog.AcdUnavailable(Logger, flow.CallId, $"{effect.GetType().Name} not recorded: {ex.Message}");
        }
    }

    /// <summary>The store could not be reached (<see cref="StoreUnavailableException"/>), the call is being torn down, or the store refused the input.</summary>
    private static bool IsUnavailable(Exception ex) =>
        ex is StoreUnavailableException or OperationCanceledException or ArgumentException;

    private async Task<CallEvent> JoinAsync(CallFlow flow, JoinQueue join, CancellationToken cancellationToken)
    {
        var request = QueueOptionsMapper.ToEnqueueRequest(flow.CallId, join.Queue, join.Language, flow.CallerNumber);
        if (context.Callbacks is { } callbacks
            && await callbacks.TakeResumablePlaceAsync(join.Queue.Id, flow.CallerNumber, cancellationToken).ConfigureAwait(false) is { } place)
        {
            // Hung up while waiting and called again within the window: back at the old place.
            CallLog.PlaceResumed(Logger, flow.CallId, join.Queue.Id, place);
            request = request with { OriginalEnqueuedAt = place };
        }

        var result = await context.Acd.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == EnqueueOutcome.UnknownQueue)
        {
            await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(join.Queue), cancellationToken).ConfigureAwait(false);
            result = await context.Acd.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        }

        CallLog.Enqueued(Logger, flow.CallId, result.Queue, result.Outcome.ToString(), result.Position?.Position switch
        {
            null => "not in line",
            0 => "offered to an agent at once",
            var inLine => $"place {inLine} in line",
        });
        var outcome = result.Outcome switch
        {
            EnqueueOutcome.Queued or EnqueueOutcome.Overflowed or EnqueueOutcome.AlreadyQueued => QueueJoinOutcome.Queued,
            EnqueueOutcome.OfferCallback => QueueJoinOutcome.OfferCallback,
            EnqueueOutcome.Closed => QueueJoinOutcome.Closed,
            _ => QueueJoinOutcome.Unavailable,
        };
        return new QueueJoined(outcome, result.Position?.Position, result.Position?.EstimatedWait, result.Outcome.ToString());
    }

    private async Task<CallEvent> PollAsync(CallFlow flow, CancellationToken cancellationToken)
    {
        var position = await context.Acd.GetPositionAsync(flow.CallId, cancellationToken).ConfigureAwait(false);
        return new PositionPolled(position?.Position, position?.EstimatedWait);
    }

    /// <summary>
    /// Records the callback through <see cref="CallbackStore.RequestAsync"/> (validation, one per number and queue, daily
    /// limit, the waiting call's place kept).
    /// </summary>
    private async Task<CallEvent> FileAsync(CallFlow flow, FileCallback file, CancellationToken cancellationToken)
    {
        if (context.Callbacks is not { } callbacks)
        {
            return new CallbackFiled("callbacks are not configured");
        }

        // One operation per filing of this call: asked again (a retry) it books nothing twice; a second filing in the
        // same call (e.g. another number after a refusal) is a new operation.
        var operation = string.Create(CultureInfo.InvariantCulture, $"{flow.CallId}.{++_filings}");
        var request = new CallbackRequest(file.Queue.Id, file.Number, flow.CallerNumber, file.KeepPlace ? flow.CallId : null, file.Language, file.Queue.Priority,
            OperationId: operation);
        var result = await callbacks.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == CallbackRequestOutcome.UnknownQueue)
        {
            await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(file.Queue), cancellationToken).ConfigureAwait(false);
            result = await callbacks.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        CallLog.CallbackRequested(Logger, flow.CallId, result.Validation.E164 ?? file.Number, file.Queue.Id, result.Outcome.ToString());
        return new CallbackFiled(result.Accepted ? null
            : result.Outcome == CallbackRequestOutcome.InvalidNumber ? $"{result.Outcome}: {result.Validation.Reason}" : result.Outcome.ToString());
    }

    /// <summary>Transfer to another svarsgrupp at the original place; the queue is configured first when the ACD does not know it yet.</summary>
    private async Task<CallEvent> MoveAsync(CallFlow flow, MoveToQueue move, CancellationToken cancellationToken)
    {
        var skills = QueueOptionsMapper.ToEnqueueRequest(flow.CallId, move.Queue, move.Language, flow.CallerNumber).Skills;
        var result = await context.Acd.TransferToQueueAsync(flow.CallId, move.Queue.Id, skills, cancellationToken).ConfigureAwait(false);
        if (result == AcdCommandResult.NotFound && await context.Acd.GetEntryAsync(flow.CallId, cancellationToken).ConfigureAwait(false) is not null)
        {
            // The target queue is not configured in the ACD yet (e.g. added by a later dialplan version).
            await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(move.Queue), cancellationToken).ConfigureAwait(false);
            result = await context.Acd.TransferToQueueAsync(flow.CallId, move.Queue.Id, skills, cancellationToken).ConfigureAwait(false);
        }

        return new QueueTransferAnswered(result == AcdCommandResult.Ok, result.ToString());
    }

    /// <summary>The caller hangs up while waiting: remember the place for the resume window (before the entry is removed).</summary>
    private async Task RememberPlaceAsync(CallFlow flow, CancellationToken cancellationToken)
    {
        if (context.Callbacks is { } callbacks
            && await context.Acd.GetEntryAsync(flow.CallId, cancellationToken).ConfigureAwait(false) is { Kind: QueueEntryKind.Call } entry)
        {
            await callbacks.RememberAbandonedAsync(entry.Queue, flow.CallerNumber, entry.EnqueuedAt, cancellationToken).ConfigureAwait(false);
        }
    }
}
