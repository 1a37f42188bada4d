namespace Switchboard.Dialplan.Engine;

/// <summary>The ACD's news about the caller's place: position (1 = next) and estimated wait, if known.</summary>
public sealed record QueueUpdate(int Position, TimeSpan? EstimatedWait) : IvrEvent;
