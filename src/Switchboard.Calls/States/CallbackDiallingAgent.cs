using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>A callback's first step: the agent's phone rings.</summary>
public sealed record CallbackDiallingAgent(CallbackPlan Plan, LegId AgentLeg) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Callback;
}
