namespace Switchboard.Calls.Events;

/// <summary>The ACD says an agent accepted the offer of this call: dial their phone.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="PhoneUser">The agent's directory phone account (the registrar maps it to the phone).</param>
public sealed record AgentAccepted(string AgentId, string? PhoneUser) : CallEvent;
