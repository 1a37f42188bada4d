namespace Switchboard.Acd.Store;

/// <summary>
/// What one scheduler round did (<see cref="AcdStore.RunSchedulerRoundAsync"/>): timers fired, calls of dead nodes
/// swept, and when the earliest timer left is due (null: none armed), so the node can sleep until then.
/// </summary>
public readonly record struct SchedulerRound(int Fired, int Swept, DateTimeOffset? NextTimer);
