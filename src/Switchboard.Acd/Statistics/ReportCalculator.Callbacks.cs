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

    /// <summary>A transfer by an agent, counted in the queue and hour where the call was answered (else the event's).</summary>
    private void OnTransfer(AcdEvent e, ReportCounter counter)
    {
        var track = e.CallId is null ? null : State.Calls.GetValueOrDefault(e.CallId);
        var (queue, hour) = track is { Answered: true }
            ? (track.AnswerQueue ?? e.Queue, track.AnswerHour)
            : (e.Queue, ReportIntervals.HourOf(e.At));
        Queue(queue, hour)[(int)counter]++;
    }
}
