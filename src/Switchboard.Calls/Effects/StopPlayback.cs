using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Stop what plays on the leg (silence follows; no <see cref="Events.PlaybackFinished"/>).</summary>
public sealed record StopPlayback(LegId Leg) : CallEffect;
