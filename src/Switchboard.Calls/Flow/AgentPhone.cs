namespace Switchboard.Calls.Flow;

/// <summary>An agent's phone: the registered contact of <paramref name="SipAddress"/>, showing <paramref name="ShownNumber"/> as the caller.</summary>
/// <param name="SipAddress">The SIP address the agent signed in with.</param>
/// <param name="ShownNumber">The number the phone displays (the caller's, or the citizen's for a callback).</param>
/// <param name="DisplayName">A display name in From (e.g. <c>Callback</c>), or null.</param>
public sealed record AgentPhone(string? SipAddress, string ShownNumber, string? DisplayName = null) : LegDestination;
