namespace Switchboard.Dialplan.Engine;

/// <summary>Take the caller out of <paramref name="QueueId"/> (before moving them elsewhere or closing).</summary>
public sealed record LeaveQueue(string QueueId) : IvrCommand;
