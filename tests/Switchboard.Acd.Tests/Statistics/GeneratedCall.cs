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
}
