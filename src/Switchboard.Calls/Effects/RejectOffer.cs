namespace Switchboard.Calls.Effects;

/// <summary>Give the agent back to the ACD: their phone did not take the call, or the call no longer waits here.</summary>
public sealed record RejectOffer(string AgentId) : CallEffect;
