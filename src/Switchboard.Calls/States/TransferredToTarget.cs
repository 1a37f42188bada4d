using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>The transfer target answered: caller and target hear each other; the agent has left.</summary>
public sealed record TransferredToTarget(LegId TargetLeg) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.TransferConnected;
}
