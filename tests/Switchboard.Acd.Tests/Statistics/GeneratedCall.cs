namespace Switchboard.Acd.Tests.Statistics;

/// <summary>Ground truth of one generated call.</summary>
internal sealed record GeneratedCall(string Id, string Queue, long Arrival, string Caller, bool Callback)
{
    public string Outcome { get; set; } = "";

    public long Wait { get; set; }

    public long AnsweredAt { get; set; }

    public long Talk { get; set; }

    public long Wrap { get; set; }

    public string WrapOutcome { get; set; } = "";

    /// <summary>For an answered call: "", "queue" (to another queue), "answered" or "not_answered" (external).</summary>
    public string Transfer { get; set; } = "";

    /// <summary>For a callback: how the request closed ("answered", "completed", "unreachable", "cancelled").</summary>
    public string CallbackClose { get; set; } = "";

    /// <summary>For a callback: when the request closed (unix ms).</summary>
    public long ClosedAt { get; set; }
}
