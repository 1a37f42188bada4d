namespace Switchboard.Calls.Legs;

/// <summary>Where a <see cref="CallLeg"/>'s signalling is.</summary>
public enum LegStatus
{
    /// <summary>Created; nothing sent or answered yet.</summary>
    Idle,

    /// <summary>Our INVITE is out (outbound), or the caller's INVITE is being answered (inbound).</summary>
    Setup,

    /// <summary>The dialog is confirmed; media flows.</summary>
    Up,

    /// <summary>We are letting it go (CANCEL, BYE or reject sent); its end is ours, not news.</summary>
    Releasing,

    /// <summary>The dialog is over.</summary>
    Gone,
}
