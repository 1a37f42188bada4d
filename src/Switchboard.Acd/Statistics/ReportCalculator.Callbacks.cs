using Switchboard.Acd.Events;

namespace Switchboard.Acd.Statistics;

public sealed partial class ReportCalculator
{
    private void OnCallbackRequested(AcdEvent e)
    {
        if (e.CallId is null || State.Callbacks.ContainsKey(e.CallId))
        {
            return;
        }

        var at = e.At.ToUnixTimeMilliseconds();
        State.Callbacks[e.CallId] = new ReportCalculatorState.CallbackTrack { Queue = e.Queue ?? string.Empty, RequestedMs = at };
        Queue(e.Queue, ReportIntervals.HourOf(e.At))[(int)ReportCounter.CallbacksRequested]++;
        Prune(at);
    }

    /// <summary>
    /// A callback request closed: answered by the citizen or completed by an agent counts as completed (same day when
    /// closed on the local day it was requested), unreachable (or completed with outcome <c>Unreachable</c>) as
    /// unreachable; cancelled and expired requests count as neither. Counted in the queue and hour of the request.
    /// </summary>
    private void OnCallbackClosed(AcdEvent e)
    {
        if (e.CallId is null)
        {
            return;
        }

        var outcome = Text(e, "outcome");
        var counter = e.Type switch
        {
            AcdEventType.CallbackUnreachable => ReportCounter.CallbacksUnreachable,
            AcdEventType.CallbackCompleted when string.Equals(outcome, "Unreachable", StringComparison.OrdinalIgnoreCase) => ReportCounter.CallbacksUnreachable,
            AcdEventType.CallbackCompleted when outcome is "Cancelled" or "Expired" => (ReportCounter?)null,
            AcdEventType.CallbackAnswered or AcdEventType.CallbackCompleted => ReportCounter.CallbacksCompleted,
            _ => null,
        };
        var known = State.Callbacks.Remove(e.CallId, out var track);
        if (counter is not { } which)
        {
            return;
        }

        var requested = known ? DateTimeOffset.FromUnixTimeMilliseconds(track!.RequestedMs) : e.At;
        var c = Queue(known ? track!.Queue : e.Queue, ReportIntervals.HourOf(requested));
        c[(int)which]++;
        if (which == ReportCounter.CallbacksCompleted && known && ReportIntervals.LocalDate(requested, _zone) == ReportIntervals.LocalDate(e.At, _zone))
        {
            c[(int)ReportCounter.CallbacksCompletedSameDay]++;
        }
    }

    /// <summary>
    /// A transfer by an agent, counted in the queue and hour where the call was answered (else the event's). A transfer
    /// that puts the call back into a queue (<c>transferred</c>, or <c>transfer_not_answered</c> with
    /// <c>returned_to=queue</c>) ends the agent's leg without an <c>ended</c> event: its <c>handle</c> is that leg's talk
    /// time and the agent's wrap-up belongs to it. The call stays answered (counted once) when another agent answers it.
    /// </summary>
    private void OnTransfer(AcdEvent e, ReportCounter counter)
    {
        var track = e.CallId is null ? null : State.Calls.GetValueOrDefault(e.CallId);
        var (queue, hour) = track is { Answered: true }
            ? (track.AnswerQueue ?? e.Queue, track.AnswerHour)
            : (e.Queue, ReportIntervals.HourOf(e.At));
        var c = Queue(queue, hour);
        c[(int)counter]++;
        var backInQueue = e.Type == AcdEventType.TransferredToQueue
            || (e.Type == AcdEventType.TransferNotAnswered && string.Equals(Text(e, "returned_to"), "queue", StringComparison.OrdinalIgnoreCase));
        if (backInQueue && e.Fields.ContainsKey("handle"))
        {
            c[(int)ReportCounter.TalkTotalMs] += Number(e, "handle");
            c[(int)ReportCounter.TalkCount]++;
            if (e.AgentId is not null)
            {
                var agent = AgentTrack(e.AgentId);
                agent.WrapQueue = queue;
                agent.WrapHour = hour;
            }
        }
    }
}
