namespace Switchboard.Dialplan.Engine;

/// <summary>A timer set by <see cref="SetTimer"/> or <see cref="CollectDigits"/> fired.</summary>
public sealed record TimerElapsed(string Name) : IvrEvent;
