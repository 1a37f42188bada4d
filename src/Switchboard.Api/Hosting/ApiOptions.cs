namespace Switchboard.Api.Hosting;

/// <summary>General API settings (the <c>Api</c> configuration section; authentication is in <see cref="Auth.ApiAuthOptions"/>).</summary>
public sealed class ApiOptions
{
    /// <summary>IANA time zone of "today" in statistics and of opening hours.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>How many ACD events statistics and snapshots read at most per request.</summary>
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
}
