namespace Switchboard.Acd.Queues;

/// <summary>Result of an enqueue.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Queue">The queue the entry is in (differs from the request after an overflow).</param>
/// <param name="Position">Position and estimated wait when queued.</param>
/// <param name="OfferedTo">The agent the call was offered to at once, if any.</param>
public sealed record EnqueueResult(EnqueueOutcome Outcome, string Queue, QueuePosition? Position, string? OfferedTo);
