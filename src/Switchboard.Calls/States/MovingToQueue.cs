using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>The agent transfers the caller to <paramref name="Target"/>; the ACD is moving the call (back to <paramref name="From"/> if it cannot).</summary>
public sealed record MovingToQueue(AgentCall From, QueueDefinition Target) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => From.Phase;
}
