namespace Switchboard.Calls.Events;

/// <summary>Reply to <see cref="Effects.JoinQueue"/>.</summary>
/// <param name="Outcome">What the ACD did.</param>
/// <param name="Position">The caller's place (1 = next), when queued.</param>
/// <param name="EstimatedWait">The expected wait, when known.</param>
/// <param name="Detail">The ACD's own outcome name or the error, for logs.</param>
public sealed record QueueJoined(QueueJoinOutcome Outcome, int? Position = null, TimeSpan? EstimatedWait = null, string Detail = "") : CallEvent;
