using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>One external transfer in progress.</summary>
/// <param name="Destination">Where to.</param>
/// <param name="TargetLeg">The target's leg (ringing).</param>
/// <param name="StartedAt">When it started (ring time in the statistics).</param>
/// <param name="ReturnToQueueOnNoAnswer">Not answered: back to the queue rather than to the agent.</param>
/// <param name="ReferredBy">The leg whose REFER asked for it (told the outcome by NOTIFY), or null for the API.</param>
public sealed record TransferAttempt(ExternalDestination Destination, LegId TargetLeg, DateTimeOffset StartedAt, bool ReturnToQueueOnNoAnswer, LegId? ReferredBy);
