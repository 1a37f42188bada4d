namespace Switchboard.Calls.Events;

/// <summary>The ACD says an agent accepted the offer of this call: dial their phone.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="SipAddress">The SIP address the agent signed in with (the registrar maps it to the phone).</param>
public sealed record AgentAccepted(string AgentId, string? SipAddress) : CallEvent;
