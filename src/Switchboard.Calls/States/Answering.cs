namespace Switchboard.Calls.States;

/// <summary>The caller's INVITE is answered; no media flows until their ACK confirms the dialog.</summary>
public sealed record Answering : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Answering;
}
