using System.Text.Json;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

/// <summary>Parses the JSON the scripts PUBLISH (cjson) into typed events.</summary>
internal static class AcdMessages
{
    public static AgentEvent ParseAgentEvent(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var type = Text(root, "t") switch
        {
            "offer" => AgentEventType.Offer,
            "rescind" => AgentEventType.OfferRescinded,
            "state" => AgentEventType.StateChanged,
            var other => throw new FormatException($"Unknown agent event type '{other}'."),
        };
        var callId = Text(root, "call");
        var cbnum = Text(root, "cbnum");
        var kind = Enum.TryParse<QueueEntryKind>(Text(root, "kind"), out var k) ? k : QueueEntryKind.Call;
        return new AgentEvent(
            type,
            Text(root, "agent") ?? throw new FormatException("Agent event without agent."),
            Time(root, "at") ?? DateTimeOffset.UnixEpoch,
            Enum.TryParse<AgentState>(Text(root, "state"), out var state) ? state : AgentState.LoggedOut,
            Enum.TryParse<PauseReason>(Text(root, "reason"), out var reason) ? reason : PauseReason.None,
            string.IsNullOrEmpty(callId) ? null : callId,
            NullIfEmpty(Text(root, "queue")),
            kind == QueueEntryKind.Callback && !string.IsNullOrEmpty(cbnum) ? cbnum : NullIfEmpty(Text(root, "caller")),
            kind,
            Time(root, "exp"));
    }

    public static CallEvent ParseCallEvent(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var type = Text(root, "t") switch
        {
            "accepted" => CallEventType.Accepted,
            "overflowed" => CallEventType.Overflowed,
            "requeued" => CallEventType.Requeued,
            "offered" => CallEventType.Offered,
            var other => throw new FormatException($"Unknown call event type '{other}'."),
        };
        return new CallEvent(
            type,
            Text(root, "call") ?? throw new FormatException("Call event without call."),
            Text(root, "queue") ?? string.Empty,
            Time(root, "at") ?? DateTimeOffset.UnixEpoch,
            NullIfEmpty(Text(root, "agent")),
            NullIfEmpty(Text(root, "sip")),
            NullIfEmpty(Text(root, "why")));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)value.GetDouble())
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
