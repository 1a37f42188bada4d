namespace Switchboard.Calls.Effects;

/// <summary>Send a notice to the agent's event stream.</summary>
public sealed record TellAgent(AgentNotice Notice) : CallEffect;
