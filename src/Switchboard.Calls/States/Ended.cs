namespace Switchboard.Calls.States;

/// <summary>The call is over.</summary>
public sealed record Ended(string Reason) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Ended;
}
