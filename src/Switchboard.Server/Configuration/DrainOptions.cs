using System.Globalization;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Drain</c> section: what SIGTERM does. The node first drains (503 to OPTIONS and new INVITEs, so a proxy
/// such as Kamailio sends new calls elsewhere), keeps its calls until they end or <see cref="Deadline"/> passes, then stops.
/// </summary>
public sealed record DrainOptions
{
    public const string Section = "Drain";

    /// <summary>
    /// <c>Drain:Deadline</c>: the longest a draining node waits for its calls to end (default 5 minutes); what is still
    /// up then ends as before (callers BYE'd). <c>0</c>: no draining, SIGTERM stops at once.
    /// </summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Drain:Settle</c>: the least time a draining node stays up even without calls, so the proxy's next OPTIONS
    /// probe sees the 503 before the port closes (default 0; behind Kamailio give it one probe interval and a bit).
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.Zero;

    /// <summary>Reads the section; a value that is not a duration fails start-up with <see cref="ConfigurationErrorException"/>.</summary>
    public static DrainOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new DrainOptions();
        return new DrainOptions
        {
            Deadline = Duration(section, "Deadline", defaults.Deadline),
            Settle = Duration(section, "Settle", defaults.Settle),
        };
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero && span <= TimeSpan.FromDays(1)
            ? span
            : throw new ConfigurationErrorException($"{Section}:{key}", $"'{text}' is not a duration between 0 and one day (e.g. 00:05:00 or 300)");
    }
}
