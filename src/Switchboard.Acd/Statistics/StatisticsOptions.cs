using System.ComponentModel.DataAnnotations;

namespace Switchboard.Acd.Statistics;

/// <summary>Thresholds and calendar for statistics (definitions in docs/statistics.md).</summary>
public sealed record StatisticsOptions : IValidatableObject
{
    /// <summary>Service-level threshold: a call answered (or abandoned) within this wait counts as within. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ServiceLevelThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Abandons with a wait under this are short abandons, counted apart. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShortAbandonThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Same caller again within this window is a repeat caller. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RepeatCallerWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Intervals are local to this time zone (IANA id). Default Europe/Stockholm.</summary>
    public string TimeZoneId { get; init; } = "Europe/Stockholm";

    /// <summary>Secret key for the keyed hash (HMAC-SHA256) of caller numbers; numbers themselves are never kept.</summary>
    public string CallerHashKey { get; init; } = "switchboard-statistics";

    /// <summary>How often each node folds new stream entries into the durable aggregates. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan FoldInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wrap-up outcome that counts as resolved at first contact.</summary>
    public string ResolvedOutcome { get; init; } = "resolved";

    /// <summary>The <see cref="TimeZoneId"/> zone; throws <see cref="ArgumentException"/> with the id when unknown.</summary>
    public TimeZoneInfo TimeZone
    {
        get
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
            }
            catch (TimeZoneNotFoundException ex)
            {
                throw new ArgumentException($"Statistics:TimeZoneId '{TimeZoneId}' is not a known time zone.", ex);
            }
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            yield return new ValidationResult("is not a known time zone (an IANA id such as Europe/Stockholm)", [nameof(TimeZoneId)]);
        }
    }
}
