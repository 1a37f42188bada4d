using Switchboard.Api.Live;
using Switchboard.Dialplan.Loading;
using ProtoHours = Switchboard.Api.Supervisor.V1.OpeningHours;

namespace Switchboard.Api.Dialplans;

/// <summary>Reads the opening hours written in a dialplan text, for the supervisor view.</summary>
public static class DialplanHoursReader
{
    /// <summary>The hours of <paramref name="yaml"/>, or null when it does not load.</summary>
    public static ProtoHours? Read(string yaml)
    {
        var result = DialplanLoader.LoadFromText(yaml, DialplanLoaderChecker.SourceName, new DialplanLoadOptions { CheckPromptFiles = false });
        return result.Dialplan is { } dialplan ? OpeningHoursMapper.FromDialplan(dialplan.Hours) : null;
    }
}
