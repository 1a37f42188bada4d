namespace Switchboard.Dialplan.Engine;

/// <summary>Start (or restart) the timer <paramref name="Name"/>; send <see cref="TimerElapsed"/> after <paramref name="Delay"/>.</summary>
public sealed record SetTimer(string Name, TimeSpan Delay) : IvrCommand;
