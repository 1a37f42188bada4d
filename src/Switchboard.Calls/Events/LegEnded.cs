using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>A leg's dialog ended from the far side (BYE, 481/408 to an in-dialog request, no ACK).</summary>
/// <param name="Leg">The leg.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record LegEnded(LegId Leg, string Reason) : CallEvent;
