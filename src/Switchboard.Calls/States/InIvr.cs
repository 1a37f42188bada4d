namespace Switchboard.Calls.States;

/// <summary>The IVR engine drives the call (menus, closed messages, callback dialogue).</summary>
public sealed record InIvr : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Ivr;
}
