namespace Switchboard.Calls.Events;

/// <summary>The prompt started by the <see cref="Effects.PlayPrompts"/> with this id ran out.</summary>
public sealed record PlaybackFinished(int PlaybackId) : CallEvent;
