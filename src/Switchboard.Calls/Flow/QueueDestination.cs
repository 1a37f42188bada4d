namespace Switchboard.Calls.Flow;

/// <summary>Another svarsgrupp: the agent leaves, the caller waits there at the original place.</summary>
public sealed record QueueDestination(string QueueId) : TransferDestination
{
    /// <inheritdoc />
    public override string Display => QueueId;
}
