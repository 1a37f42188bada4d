using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>Waiting in <paramref name="Queue"/> for an agent to accept.</summary>
public sealed record Queued(QueueDefinition Queue) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Queued;
}
