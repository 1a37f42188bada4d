using Switchboard.Calls.Flow;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>The transfer target rings; the caller hears music, the agent waits unbridged.</summary>
/// <param name="Queue">The queue the call came through.</param>
/// <param name="AgentId">The agent transferring.</param>
/// <param name="AgentLeg">The agent's leg; null once the agent hung up (not answered then means back to the queue).</param>
/// <param name="Attempt">The transfer.</param>
public sealed record Transferring(QueueDefinition? Queue, string AgentId, LegId? AgentLeg, TransferAttempt Attempt) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Transferring;
}
