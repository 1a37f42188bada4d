namespace Switchboard.Calls.States;

/// <summary>Nobody answered the transfer and the caller goes back to the queue; the ACD is taking them back.</summary>
public sealed record ReturningToQueue(Transferring Transfer) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Transferring;
}
