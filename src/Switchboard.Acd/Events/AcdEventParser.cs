using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Events;

/// <summary>Turns a stream entry into an <see cref="AcdEvent"/>; the wire names are documented in docs/acd.md.</summary>
public static class AcdEventParser
{
    /// <summary>Maps a wire <c>type</c> to <see cref="AcdEventType"/>.</summary>
    public static AcdEventType ParseType(string? type) => type switch
    {
        "enqueued" => AcdEventType.Enqueued,
        "offered" => AcdEventType.Offered,
        "accepted" => AcdEventType.Accepted,
        "rejected" => AcdEventType.Rejected,
        "offer_timeout" => AcdEventType.OfferTimedOut,
        "answered" => AcdEventType.Answered,
        "ended" => AcdEventType.Ended,
        "abandoned" => AcdEventType.Abandoned,
        "escalated" => AcdEventType.Escalated,
        "agent_state" => AcdEventType.AgentStateChanged,
        "wrapup_ended" => AcdEventType.WrapUpEnded,
        "node_lost" => AcdEventType.NodeLost,
        _ => AcdEventType.Unknown,
    };

    public static AcdEvent Parse(StreamEntry entry)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in entry.Values)
        {
            fields[v.Name.ToString()] = v.Value.ToString();
        }

        string? Take(string name) => fields.Remove(name, out var value) && value.Length > 0 ? value : null;
        var type = ParseType(Take("type"));
        var at = AcdEncoding.Time(Take("at"));
        return new AcdEvent(entry.Id.ToString(), type, at, Take("call"), Take("queue"), Take("agent"), fields);
    }
}
