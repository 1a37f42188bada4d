using System.ComponentModel.DataAnnotations;

namespace Switchboard.Acd.Callbacks;

/// <summary>Callback rules (configuration section <c>Callbacks</c>, checked by <see cref="CallbackOptionsValidator"/>).</summary>
public sealed record CallbackOptions : IValidatableObject
{
    /// <summary>Dial attempts before the request closes as unreachable.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Time between attempts; the callback keeps its place meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>New requests allowed per number per (local) day.</summary>
    [Range(1, 1_000_000)]
    public int DailyLimitPerNumber { get; init; } = 3;

    /// <summary>
    /// New requests one calling number may file per (local) day, whatever numbers they ask to be called on, so one caller
    /// cannot queue callbacks to many numbers. Counted under the caller's keyed hash, never the number.
    /// </summary>
    [Range(1, 1_000_000)]
    public int DailyLimitPerCaller { get; init; } = 5;

    /// <summary>New requests per (local) day for the whole tenant: a bound on what a flood of calls can queue.</summary>
    [Range(1, 10_000_000)]
    public int DailyLimitTotal { get; init; } = 5_000;

    /// <summary>Lifetime of a request; null: until the end of the next working day (Mon-Fri, local time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan? Expiry { get; init; }

    /// <summary>Phone numbers of closed callbacks are deleted from Redis this long after completion.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A caller who hung up while waiting and calls again within this time gets the old place back.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AbandonedResumeWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Which numbers may be called back (and dialled).</summary>
    public PhoneNumberPolicy NumberPolicy { get; init; } = new(); // not the shared Default: the binder fills this instance

    /// <summary>Time zone for working days and the daily limit (IANA id).</summary>
    public string TimeZone { get; init; } = "Europe/Stockholm";

    /// <summary>
    /// An attempt still <see cref="CallbackState.Dialling"/> after this long is taken as lost (its node died mid-dial):
    /// the sweep records it as failed (retry schedule) and frees the agent. Must exceed the longest attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DiallingStaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most items handled per kind in one sweep.</summary>
    [Range(1, 100_000)]
    public int SweepBatch { get; init; } = 500;

    /// <summary>How often a node sweeps callbacks (due retries, expiry, stale attempts, retention). Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Key of the keyed hash under which callers are counted and remembered (never the number itself); at least 16
    /// characters. Unset: a random key kept in Redis, shared by the nodes.
    /// </summary>
    public string? HashKey { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("is not a known time zone (an IANA id such as Europe/Stockholm)", [nameof(TimeZone)]);
        }

        if (HashKey is { } key && key.Trim().Length is > 0 and < 16)
        {
            yield return new ValidationResult("needs at least 16 characters (or leave it unset for a random key kept in Redis)", [nameof(HashKey)]);
        }
    }
}
