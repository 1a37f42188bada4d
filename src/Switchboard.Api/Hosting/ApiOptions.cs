using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Hosting;

/// <summary>
/// General API settings (the <c>Api</c> configuration section, checked by <see cref="ApiOptionsValidator"/>; authentication
/// is in <see cref="Auth.ApiAuthOptions"/>, the listening address in the host's own options).
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>IANA time zone of "today" in statistics and of opening hours.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>How many ACD events statistics and snapshots read at most per request.</summary>
    [Range(1, 10_000_000)]
    public int MaxEventsScanned { get; set; } = 50_000;

    /// <summary>Resolves <see cref="TimeZone"/>; a clear error for an unknown id.</summary>
    public TimeZoneInfo ResolveTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"Api:TimeZone '{TimeZone}' is not a known time zone.", ex);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("is not a known time zone (an IANA id such as Europe/Stockholm)", [nameof(TimeZone)]);
        }
    }
}
