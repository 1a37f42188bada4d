namespace Switchboard.Acd.Agents;

/// <summary>An agent's profile and live state as stored in Redis.</summary>
/// <param name="Agent">The profile.</param>
/// <param name="State">Current state.</param>
/// <param name="PauseReason">Why paused (<see cref="PauseReason.None"/> unless <see cref="AgentState.Paused"/>).</param>
/// <param name="StateSince">When the current state began (node time).</param>
/// <param name="CallId">The call offered to or handled by the agent, if any.</param>
/// <param name="MissedInRow">Offers missed (rejected or timed out) in a row.</param>
public sealed record AgentStatus(
    Agent Agent,
    AgentState State,
    PauseReason PauseReason,
    DateTimeOffset StateSince,
    string? CallId,
    int MissedInRow);
