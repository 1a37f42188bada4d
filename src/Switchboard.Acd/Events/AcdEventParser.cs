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
        "callback_requested" => AcdEventType.CallbackRequested,
        "callback_updated" => AcdEventType.CallbackUpdated,
        "callback_refused" => AcdEventType.CallbackRefused,
        "callback_dialling" => AcdEventType.CallbackDialling,
        "callback_answered" => AcdEventType.CallbackAnswered,
        "callback_attempt_failed" => AcdEventType.CallbackAttemptFailed,
        "callback_requeued" => AcdEventType.CallbackRequeued,
        "callback_unreachable" => AcdEventType.CallbackUnreachable,
        "callback_completed" => AcdEventType.CallbackCompleted,
        "callback_cancelled" => AcdEventType.CallbackCancelled,
        "callback_expired" => AcdEventType.CallbackExpired,
        "callback_purged" => AcdEventType.CallbackPurged,
        "callback_agent_missed" => AcdEventType.CallbackAgentMissed,
        "transferred" => AcdEventType.TransferredToQueue,
        "transfer_started" => AcdEventType.TransferStarted,
        "transfer_answered" => AcdEventType.TransferAnswered,
        "transfer_not_answered" => AcdEventType.TransferNotAnswered,
        "accept_resent" => AcdEventType.AcceptResent,
        "accept_unacknowledged" => AcdEventType.AcceptUnacknowledged,
        "hangup_resent" => AcdEventType.HangUpResent,
        "hangup_unacknowledged" => AcdEventType.HangUpUnacknowledged,
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
