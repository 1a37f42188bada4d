using System.Text.Json;
using Switchboard.Api.Supervisors;
using Switchboard.Dialplan.Versions;

namespace Switchboard.Server.Web.Wallboard;

/// <summary>Turns live figures into the JSON the wallboard page renders (one server-sent event each).</summary>
public static class WallboardFeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The queues of the dialplan in force (id and display name), in the dialplan's order.</summary>
    public static IReadOnlyList<(string Id, string Name)> Queues(DialplanRegistry dialplans)
    {
        ArgumentNullException.ThrowIfNull(dialplans);
        return [.. dialplans.Current.Queues.Values.Select(q => (q.Id, string.IsNullOrWhiteSpace(q.DisplayName) ? q.Id : q.DisplayName))];
    }

    /// <summary>The event payload: time, the IANA time zone to show it in, threshold and one object per queue.</summary>
    public static string ToJson(LiveStatisticsSnapshot snapshot, IReadOnlyList<(string Id, string Name)> queues, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(queues);
        var names = queues.ToDictionary(q => q.Id, q => q.Name, StringComparer.Ordinal);
        var order = queues.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var payload = new
        {
            at = snapshot.At,
            timeZone,
            thresholdSeconds = (int)snapshot.ServiceLevelThreshold.TotalSeconds,
            queues = snapshot.Queues
                .OrderBy(q => order.GetValueOrDefault(q.Queue, int.MaxValue))
                .ThenBy(q => q.Queue, StringComparer.Ordinal)
                .Select(q => new
                {
                    id = q.Queue,
                    name = names.GetValueOrDefault(q.Queue, q.Queue),
                    waiting = q.Waiting,
                    longestWaitSeconds = (long)q.LongestWait.TotalSeconds,
                    ready = q.AgentsReady,
                    onCall = q.AgentsOnCall,
                    wrapUp = q.AgentsWrapUp,
                    paused = q.AgentsPaused,
                    answered = q.AnsweredToday,
                    abandoned = q.AbandonedToday,
                    serviceLevel = q.ServiceLevelToday,
                }),
        };
        return JsonSerializer.Serialize(payload, Json);
    }
}
