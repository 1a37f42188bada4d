using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Let go of a leg whatever its state: CANCEL while it rings, BYE when up, reject an unanswered caller; its media is released.</summary>
public sealed record HangUpLeg(LegId Leg) : CallEffect;
