namespace Switchboard.Calls.Events;

/// <summary>A timer started by <see cref="Effects.StartTimer"/> fired.</summary>
public sealed record TimerFired(string Name) : CallEvent;
