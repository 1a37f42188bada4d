using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>The citizen answered and hears the hello prompt; then both legs are bridged.</summary>
public sealed record CallbackGreeting(CallbackPlan Plan, LegId AgentLeg) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Callback;
}
