namespace Switchboard.Calls.Flow;

/// <summary>A target the toll-fraud guard refuses: nothing is dialled, the caller stays with the agent.</summary>
public sealed record RefusedDestination(string Target, string Reason) : TransferDestination
{
    /// <inheritdoc />
    public override string Display => Target;
}
