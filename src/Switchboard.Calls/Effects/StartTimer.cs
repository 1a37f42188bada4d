namespace Switchboard.Calls.Effects;

/// <summary>Start (or restart) a timer on the call's <see cref="TimeProvider"/>; <see cref="Events.TimerFired"/> follows.</summary>
public sealed record StartTimer(string Name, TimeSpan Delay) : CallEffect;
