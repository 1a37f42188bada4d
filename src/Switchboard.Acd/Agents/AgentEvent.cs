using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Agents;

/// <summary>An event for one agent, delivered to whichever node the agent's API stream is connected to.</summary>
/// <param name="Type">What happened.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="At">When (node time of the node that made the change).</param>
/// <param name="State">The agent's state after the event.</param>
/// <param name="PauseReason">Pause reason after the event.</param>
/// <param name="CallId">The offered call, for offers and rescinds.</param>
/// <param name="Queue">The offered call's queue.</param>
/// <param name="CallerNumber">Caller's number (or the number to call back).</param>
/// <param name="Kind">Live call or callback.</param>
/// <param name="OfferExpiresAt">When an offer times out.</param>
public sealed record AgentEvent(
    AgentEventType Type,
    string AgentId,
    DateTimeOffset At,
    AgentState State,
    PauseReason PauseReason,
    string? CallId = null,
    string? Queue = null,
    string? CallerNumber = null,
    QueueEntryKind Kind = QueueEntryKind.Call,
    DateTimeOffset? OfferExpiresAt = null);
