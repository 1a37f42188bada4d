using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>An outbound leg's INVITE finished: answered (the leg is up, media agreed) or not.</summary>
/// <param name="Leg">The leg dialled.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">Status line or error, for logs and reports.</param>
/// <param name="StatusCode">The final response's status code (0 when none came).</param>
public sealed record LegDialled(LegId Leg, DialOutcome Outcome, string Detail, int StatusCode = 0) : CallEvent;
