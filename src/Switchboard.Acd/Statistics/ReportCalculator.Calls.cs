using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Statistics;

public sealed partial class ReportCalculator
{
    private void OnEnqueued(AcdEvent e)
    {
        if (e.CallId is null || State.Calls.ContainsKey(e.CallId))
        {
            return; // overflow or a retried enqueue: the call is already counted
        }

        var at = e.At.ToUnixTimeMilliseconds();
        var callback = string.Equals(Text(e, "kind"), "Callback", StringComparison.OrdinalIgnoreCase);
        State.Calls[e.CallId] = new ReportCalculatorState.CallTrack { Callback = callback, EnqueuedMs = at };
        Prune(at);
        if (callback)
        {
            return; // a callback's ACD entry: counted by the callback_* events, not as a call
        }

        // The caller's keyed hash (caller_hash); older streams carry the number itself, hashed here at once.
        var hash = Text(e, "caller_hash") ?? (Text(e, "caller") is { } caller ? CallerHash(caller) : null);
        if (hash is null)
        {
            return;
        }

        if (State.Callers.TryGetValue(hash, out var last) && at - last <= _repeatMs)
        {
            Queue(e.Queue, ReportIntervals.HourOf(e.At))[(int)ReportCounter.RepeatCallers]++;
        }

        State.Callers[hash] = at;
    }

    /// <summary>At most once an hour of event time: forgets callers last seen before the repeat window and callback
    /// requests older than 31 days (closed ones are removed at once).</summary>
    private void Prune(long nowMs)
    {
        if (nowMs - State.LastPruneMs < 3_600_000)
        {
            return;
        }

        State.LastPruneMs = nowMs;
        foreach (var old in State.Callers.Where(p => nowMs - p.Value > _repeatMs).Select(p => p.Key).ToList())
        {
            State.Callers.Remove(old);
        }

        foreach (var old in State.Callbacks.Where(p => nowMs - p.Value.RequestedMs > 31L * 86_400_000).Select(p => p.Key).ToList())
        {
            State.Callbacks.Remove(old);
        }
    }

    private void OnAnswered(AcdEvent e)
    {
        if (e.CallId is null)
        {
            return;
        }

        var track = State.Calls.GetValueOrDefault(e.CallId);
        if (track is { Answered: true })
        {
            return;
        }

        var wait = Number(e, "wait");
        var hour = ReportIntervals.HourOf(e.At.AddMilliseconds(-wait));
        if (track is not { Callback: true })
        {
            var c = Queue(e.Queue, hour);
            c[(int)ReportCounter.Offered]++;
            c[(int)ReportCounter.Answered]++;
            if (wait <= _slMs)
            {
                c[(int)ReportCounter.AnsweredWithinThreshold]++;
            }

            AddWait(c, wait);
            c[(int)ReportCounter.AnswerWaitTotalMs] += wait;
        }

        track ??= State.Calls[e.CallId] = new ReportCalculatorState.CallTrack { EnqueuedMs = e.At.ToUnixTimeMilliseconds() - wait };
        track.Answered = true;
        track.AnswerQueue = e.Queue;
        track.AnswerHour = hour;
    }

    private void OnAbandoned(AcdEvent e)
    {
        if (e.CallId is null)
        {
            return;
        }

        State.Calls.Remove(e.CallId, out var track);
        if (track is { Answered: true })
        {
            return;
        }

        var wait = Number(e, "wait");
        if (track is { Callback: true })
        {
            return;
        }

        var c = Queue(e.Queue, ReportIntervals.HourOf(e.At.AddMilliseconds(-wait)));
        c[(int)ReportCounter.Offered]++;
        if (wait < _shortMs)
        {
            c[(int)ReportCounter.ShortAbandoned]++;
            return;
        }

        c[(int)ReportCounter.Abandoned]++;
        if (wait <= _slMs)
        {
            c[(int)ReportCounter.AbandonedWithinThreshold]++;
        }

        AddWait(c, wait);
    }

    private void OnNodeLost(AcdEvent e)
    {
        if (e.CallId is null)
        {
            return;
        }

        State.Calls.Remove(e.CallId, out var track);
        if (track is { Answered: true } || (track is null && e.Fields.GetValueOrDefault("after") == nameof(AgentState.OnCall)))
        {
            return;
        }

        if (track is { Callback: true })
        {
            return;
        }

        var c = Queue(e.Queue, ReportIntervals.HourOf(e.At.AddMilliseconds(-Number(e, "wait"))));
        c[(int)ReportCounter.Offered]++;
        c[(int)ReportCounter.Lost]++;
    }

    private void OnEnded(AcdEvent e)
    {
        var handle = Number(e, "handle");
        ReportCalculatorState.CallTrack? track = null;
        if (e.CallId is not null)
        {
            State.Calls.Remove(e.CallId, out track);
        }

        var queue = track?.AnswerQueue ?? e.Queue;
        var hour = track?.AnswerHour ?? ReportIntervals.HourOf(e.At.AddMilliseconds(-handle));
        var c = Queue(queue, hour);
        c[(int)ReportCounter.TalkTotalMs] += handle;
        c[(int)ReportCounter.TalkCount]++;
        if (e.AgentId is not null)
        {
            var agent = AgentTrack(e.AgentId);
            agent.WrapQueue = queue;
            agent.WrapHour = hour;
        }
    }

    private static void AddWait(long[] c, long wait)
    {
        c[(int)ReportCounter.WaitTotalMs] += wait;
        c[(int)ReportCounter.WaitCount]++;
        c[(int)ReportCounter.LongestWaitMs] = Math.Max(c[(int)ReportCounter.LongestWaitMs], wait);
        c[(int)WaitBuckets.CounterFor(wait)]++;
    }
}
