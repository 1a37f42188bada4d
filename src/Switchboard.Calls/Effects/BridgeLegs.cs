using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Relay audio and telephone events both ways between two legs (prompts on both stop).</summary>
public sealed record BridgeLegs(LegId First, LegId Second) : CallEffect;
