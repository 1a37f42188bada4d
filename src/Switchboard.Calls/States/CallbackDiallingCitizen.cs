using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>The agent answered; the citizen's phone rings (the agent hanging up cancels it).</summary>
public sealed record CallbackDiallingCitizen(CallbackPlan Plan, LegId AgentLeg) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Callback;
}
