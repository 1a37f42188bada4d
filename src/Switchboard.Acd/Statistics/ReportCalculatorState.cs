namespace Switchboard.Acd.Statistics;

/// <summary>What <see cref="ReportCalculator"/> carries from one event to the next (open calls, agent states, caller
/// hashes seen within the repeat window). Serializable, so the durable aggregator can resume exactly.</summary>
public sealed class ReportCalculatorState
{
    public Dictionary<string, CallTrack> Calls { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, AgentTrack> Agents { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Keyed hash of a caller number -> last call (unix ms). Entries older than the window are dropped (checked
    /// at least once an hour of event time), so no caller is remembered longer than the repeat-caller window.</summary>
    public Dictionary<string, long> Callers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Open callback requests: callback id -> where and when it was requested.</summary>
    public Dictionary<string, CallbackTrack> Callbacks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Event time (unix ms) of the last prune of <see cref="Callers"/> and <see cref="Callbacks"/>.</summary>
    public long LastPruneMs { get; set; }

    public sealed class CallTrack
    {
        public bool Callback { get; set; }

        public long EnqueuedMs { get; set; }

        public bool Answered { get; set; }

        public string? AnswerQueue { get; set; }

        public long AnswerHour { get; set; }
    }

    public sealed class CallbackTrack
    {
        public string Queue { get; set; } = string.Empty;

        public long RequestedMs { get; set; }
    }

    public sealed class AgentTrack
    {
        public int State { get; set; } = -1;

        public long SinceMs { get; set; }

        public long WrapStartMs { get; set; } = -1;

        public string? WrapQueue { get; set; }

        public long WrapHour { get; set; }
    }
}
