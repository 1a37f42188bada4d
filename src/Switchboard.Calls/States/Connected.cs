using Switchboard.Calls.Flow;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>Caller and agent hear each other.</summary>
public sealed record Connected(QueueDefinition? Queue, string AgentId, LegId AgentLeg) : AgentCall(Queue, AgentId, AgentLeg)
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Connected;
}
