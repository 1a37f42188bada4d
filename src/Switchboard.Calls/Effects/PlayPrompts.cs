using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Play prompts on a leg, replacing what plays; <see cref="Events.PlaybackFinished"/> with <paramref name="PlaybackId"/> follows unless <paramref name="Loop"/>.</summary>
public sealed record PlayPrompts(LegId Leg, int PlaybackId, IReadOnlyList<string> Prompts, string Language, bool Loop = false) : CallEffect;
