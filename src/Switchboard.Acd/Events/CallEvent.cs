namespace Switchboard.Acd.Events;

/// <summary>
/// An event for the node that holds a call (the owning node), carried over Redis pub/sub. <see cref="Reason"/>: what
/// ended an offer for <see cref="CallEventType.Requeued"/> (<c>rejected</c>, <c>timeout</c>).
/// </summary>
public sealed record CallEvent(
    CallEventType Type,
    string CallId,
    string Queue,
    DateTimeOffset At,
    string? AgentId = null,
    string? AgentPhoneUser = null,
    string? Reason = null);
