using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Events;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

/// <summary>Counts one agent's day from ACD events (pure: the caller reads the events).</summary>
public static class AgentStatistics
{
    /// <summary>Local midnight of <paramref name="now"/>'s day in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>Statistics of <paramref name="agentId"/> from events at or after <paramref name="dayStart"/>.</summary>
    public static V1.GetMyStatisticsResponse Build(string agentId, DateTimeOffset dayStart, IEnumerable<AcdEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var result = new V1.GetMyStatisticsResponse { DayStart = Timestamp.FromDateTimeOffset(dayStart) };
        var talk = TimeSpan.Zero;
        foreach (var e in events)
        {
            if (e.At < dayStart || !string.Equals(e.AgentId, agentId, StringComparison.Ordinal))
            {
                continue;
            }

            switch (e.Type)
            {
                case AcdEventType.Offered:
                    result.Offers++;
                    break;
                case AcdEventType.Accepted:
                    result.Accepted++;
                    break;
                case AcdEventType.Rejected:
                    result.Rejected++;
                    break;
                case AcdEventType.OfferTimedOut:
                    result.Missed++;
                    break;
                case AcdEventType.Answered:
                    result.CallsAnswered++;
                    break;
                case AcdEventType.Ended:
                    if (e.Fields.TryGetValue("handle", out var handle)
                        && long.TryParse(handle, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0)
                    {
                        talk += TimeSpan.FromMilliseconds(ms);
                    }

                    break;
                case AcdEventType.WrapUpEnded:
                    // Recorded as "<outcome>" or "<outcome>: <note>" by CompleteWrapUp; timers record no outcome.
                    var outcome = e.Fields.TryGetValue("outcome", out var o) && o.Split(':', 2)[0].Trim() is { Length: > 0 } name ? name : "other";
                    result.Outcomes[outcome] = result.Outcomes.TryGetValue(outcome, out var count) ? count + 1 : 1;
                    break;
                default:
                    break;
            }
        }

        result.TalkTime = Duration.FromTimeSpan(talk);
        return result;
    }
}
