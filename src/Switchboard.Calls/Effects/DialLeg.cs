using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Create the leg and send its INVITE; <see cref="Events.LegDialled"/> follows.</summary>
public sealed record DialLeg(LegId Leg, LegDestination Destination, TimeSpan RingTimeout) : CallEffect;
