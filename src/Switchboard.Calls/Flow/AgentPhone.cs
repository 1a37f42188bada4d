namespace Switchboard.Calls.Flow;

/// <summary>An agent's phone: the registered binding of the SIP account <paramref name="PhoneUser"/>, showing <paramref name="ShownNumber"/> as the caller.</summary>
/// <param name="PhoneUser">The agent's directory phone account (digest user); only its registration is dialled.</param>
/// <param name="ShownNumber">The number the phone displays (the caller's, or the citizen's for a callback).</param>
/// <param name="DisplayName">A display name in From (e.g. <c>Callback</c>), or null.</param>
public sealed record AgentPhone(string? PhoneUser, string ShownNumber, string? DisplayName = null) : LegDestination;
