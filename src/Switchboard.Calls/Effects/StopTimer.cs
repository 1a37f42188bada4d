namespace Switchboard.Calls.Effects;

/// <summary>Stop a timer; a null name stops every timer of the call.</summary>
public sealed record StopTimer(string? Name) : CallEffect;
