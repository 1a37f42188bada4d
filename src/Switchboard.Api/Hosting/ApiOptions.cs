using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;

namespace Switchboard.Api.Hosting;

/// <summary>
/// The <c>Api</c> configuration section, the one options type that binds it (checked by <see cref="ApiOptionsValidator"/>):
/// the listening address (<see cref="Url"/>, checked by the host, which owns the listener), authentication
/// (<see cref="Tokens"/>, <see cref="Jwt"/>), "today" of statistics and opening hours, and the dialplan checks of
/// published dialplans.
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";

    /// <summary><c>Api:Url</c>: the gRPC endpoint, e.g. <c>http://127.0.0.1:5090</c> (checked by the host).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5090";

    /// <summary><c>Api:Tokens:&lt;n&gt;</c>: static bearer keys.</summary>
    [ValidateEnumeratedItems]
    public List<StaticTokenOptions> Tokens { get; set; } = [];

    /// <summary><c>Api:Jwt:*</c>: signed JWT settings.</summary>
    [ValidateObjectMembers]
    public JwtOptions Jwt { get; set; } = new();

    /// <summary><c>Api:TimeZone</c>: IANA time zone of "today" in statistics and of opening hours.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary><c>Api:MaxEventsScanned</c>: how many ACD events statistics and snapshots read at most per request.</summary>
    [Range(1, 10_000_000)]
    public int MaxEventsScanned { get; set; } = 50_000;

    /// <summary><c>Api:Dialplan:*</c>: how dialplans published through the API are checked.</summary>
    public ApiDialplanOptions Dialplan { get; set; } = new();

    /// <summary>
    /// Runs <see cref="ApiOptionsValidator"/>; throws <see cref="InvalidOperationException"/> naming the first
    /// unusable setting (<c>Api.Tokens[0].Token must be at least 16 characters</c>).
    /// </summary>
    public void Check()
    {
        var result = new ApiOptionsValidator().Validate(Section, this);
        if (result.Failed)
        {
            throw new InvalidOperationException(result.Failures.First());
        }
    }

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
