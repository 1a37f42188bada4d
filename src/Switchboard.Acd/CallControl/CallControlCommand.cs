namespace Switchboard.Acd.CallControl;

/// <summary>
/// A call-control command for the node that owns a call, sent over Redis pub/sub
/// (<see cref="Store.KeySchema.CallControl"/>, JSON). The owning node executes it; others ignore it.
/// </summary>
/// <param name="Kind"><c>hangup</c> or <c>transfer</c>.</param>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">The agent who asked (already checked to hold the call).</param>
/// <param name="CommandId">Unique id; transfer results refer to it.</param>
/// <param name="TargetQueue">Transfer to this queue, keeping the caller's place.</param>
/// <param name="TargetNumber">Transfer to this external number or SIP URI.</param>
/// <param name="RingTimeoutSeconds">How long to ring an external target.</param>
/// <param name="ReturnToQueueOnNoAnswer">Unanswered external transfer: back to the queue (true) or to the agent (false).</param>
public sealed record CallControlCommand(
    string Kind,
    string CallId,
    string AgentId,
    string CommandId,
    string? TargetQueue = null,
    string? TargetNumber = null,
    int RingTimeoutSeconds = 30,
    bool ReturnToQueueOnNoAnswer = false)
{
    /// <summary><see cref="Kind"/> of a hang-up.</summary>
    public const string HangUp = "hangup";

    /// <summary><see cref="Kind"/> of a transfer.</summary>
    public const string Transfer = "transfer";
}
