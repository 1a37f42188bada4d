namespace Switchboard.Acd.Events;

/// <summary>An event for the node that holds a call (the owning node), carried over Redis pub/sub.</summary>
public sealed record CallEvent(
    CallEventType Type,
    string CallId,
    string Queue,
    DateTimeOffset At,
    string? AgentId = null,
    string? AgentPhoneUser = null);
