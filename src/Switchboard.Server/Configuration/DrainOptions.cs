using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Drain</c> section: what SIGTERM does. The node first drains (503 to OPTIONS and new INVITEs, so a proxy
/// such as Kamailio sends new calls elsewhere), keeps its calls until they end or <see cref="Deadline"/> passes, then stops.
/// Both settings take seconds (<c>300</c>) or a time span (<c>00:05:00</c>), 0 to one day (<see cref="DrainOptionsValidator"/>).
/// </summary>
public sealed record DrainOptions : IValidatableObject
{
    public const string Section = "Drain";

    /// <summary>
    /// <c>Drain:Deadline</c>: the longest a draining node waits for its calls to end (default 5 minutes); what is still
    /// up then ends as before (callers BYE'd). <c>0</c>: no draining, SIGTERM stops at once.
    /// </summary>
    public Duration Deadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Drain:Settle</c>: the least time a draining node stays up even without calls, so the proxy's next OPTIONS
    /// probe sees the 503 before the port closes (default 0; behind Kamailio give it one probe interval and a bit).
    /// </summary>
    public Duration Settle { get; init; } = TimeSpan.Zero;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Deadline), Deadline), (nameof(Settle), Settle) })
        {
            if (value.Value > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult("must be between 0 and one day (seconds, e.g. 300, or a time span, e.g. 00:05:00)", [name]);
            }
        }
    }
}
