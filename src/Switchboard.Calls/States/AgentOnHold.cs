using Switchboard.Calls.Flow;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>The agent's phone put the call on hold (re-INVITE sendonly/inactive): the caller hears music until it resumes.</summary>
public sealed record AgentOnHold(QueueDefinition? Queue, string AgentId, LegId AgentLeg) : AgentCall(Queue, AgentId, AgentLeg)
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.OnHold;
}
