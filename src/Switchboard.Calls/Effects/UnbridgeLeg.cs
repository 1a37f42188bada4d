using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>End the bridge the leg is in (both legs go back to silence).</summary>
public sealed record UnbridgeLeg(LegId Leg) : CallEffect;
