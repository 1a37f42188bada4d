namespace Switchboard.Calls.Effects;

/// <summary>The agent's phone is bridged to the caller.</summary>
public sealed record CallConnectedNotice(string AgentId, string QueueId) : AgentNotice(AgentId);
