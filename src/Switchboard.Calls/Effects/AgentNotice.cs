namespace Switchboard.Calls.Effects;

/// <summary>What the agent's console hears about a call.</summary>
/// <param name="AgentId">The agent.</param>
public abstract record AgentNotice(string AgentId);
