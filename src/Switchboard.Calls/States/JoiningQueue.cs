using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>The ACD is asked to queue the caller; the IVR commands after the enqueue wait for its answer.</summary>
/// <param name="Queue">The queue asked for.</param>
/// <param name="Rest">The IVR commands that followed the enqueue.</param>
public sealed record JoiningQueue(QueueDefinition Queue, IReadOnlyList<IvrCommand> Rest) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Ivr;
}
