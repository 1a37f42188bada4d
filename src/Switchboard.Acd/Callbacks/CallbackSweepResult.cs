namespace Switchboard.Acd.Callbacks;

/// <summary>What one <see cref="CallbackStore.SweepAsync"/> did.</summary>
/// <param name="Expired">Callbacks closed as expired.</param>
/// <param name="Retried">Callbacks put back in their place for another attempt.</param>
/// <param name="Purged">Closed callbacks whose phone numbers were deleted.</param>
/// <param name="Requeued">Pending callbacks found without a queue entry (e.g. after a crash) and queued again.</param>
/// <param name="Rescued">Callers dropped with a dead or drained node who got a callback at their place.</param>
public sealed record CallbackSweepResult(int Expired, int Retried, int Purged, int Requeued, int Rescued = 0);
