namespace Switchboard.Calls.Events;

/// <summary>Reply to <see cref="Effects.PollPosition"/>: the caller's place now, or null when unknown (store away, not queued).</summary>
public sealed record PositionPolled(int? Position, TimeSpan? EstimatedWait) : CallEvent;
