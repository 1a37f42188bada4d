using Switchboard.Calls.Flow;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>An agent accepted; their phone (<paramref name="AgentLeg"/>) rings. The caller keeps their place and hears the queue.</summary>
public sealed record DiallingAgent(QueueDefinition Queue, string AgentId, LegId AgentLeg) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.DialingAgent;
}
