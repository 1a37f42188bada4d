namespace Switchboard.Acd.Callbacks;

/// <summary>Callback rules (configuration section <c>Callbacks</c>).</summary>
public sealed record CallbackOptions
{
    /// <summary>Dial attempts before the request closes as unreachable.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Time between attempts; the callback keeps its place meanwhile.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>New requests allowed per number per (local) day.</summary>
    public int DailyLimitPerNumber { get; init; } = 3;

    /// <summary>
    /// New requests one calling number may file per (local) day, whatever numbers they ask to be called on, so one caller
    /// cannot queue callbacks to many numbers. Counted under the caller's keyed hash, never the number.
    /// </summary>
    public int DailyLimitPerCaller { get; init; } = 5;

    /// <summary>New requests per (local) day for the whole tenant: a bound on what a flood of calls can queue.</summary>
    public int DailyLimitTotal { get; init; } = 5_000;

    /// <summary>Lifetime of a request; null: until the end of the next working day (Mon-Fri, local time).</summary>
    public TimeSpan? Expiry { get; init; }

    /// <summary>Phone numbers of closed callbacks are deleted from Redis this long after completion.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A caller who hung up while waiting and calls again within this time gets the old place back.</summary>
    public TimeSpan AbandonedResumeWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Which numbers may be called back (and dialled).</summary>
    public PhoneNumberPolicy NumberPolicy { get; init; } = PhoneNumberPolicy.Default;

    /// <summary>Time zone for working days and the daily limit (IANA id).</summary>
    public string TimeZone { get; init; } = "Europe/Stockholm";

    /// <summary>
    /// An attempt still <see cref="CallbackState.Dialling"/> after this long is taken as lost (its node died mid-dial):
    /// the sweep records it as failed (retry schedule) and frees the agent. Must exceed the longest attempt.
    /// </summary>
    public TimeSpan DiallingStaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most items handled per kind in one sweep.</summary>
    public int SweepBatch { get; init; } = 500;
}
