using Microsoft.Extensions.Time.Testing;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Tests.Support;

/// <summary>Builds sessions at a local time and reads their commands.</summary>
internal static class EngineHarness
{
    public static FakeTimeProvider Clock(DialplanDefinition dialplan, string local) =>
        new(OpeningHoursEvaluator.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), dialplan.TimeZone));

    public static IvrSession Session(DialplanDefinition dialplan, string local, LiveOverride? liveOverride = null) =>
        new(dialplan, Clock(dialplan, local), liveOverride);

    public static T Single<T>(IReadOnlyList<IvrCommand> commands)
        where T : IvrCommand => Assert.Single(commands.OfType<T>());

    public static IReadOnlyList<string> Played(IReadOnlyList<IvrCommand> commands) => Single<PlayPrompts>(commands).Prompts;
}
