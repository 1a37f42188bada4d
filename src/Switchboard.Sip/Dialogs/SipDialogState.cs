namespace Switchboard.Sip.Dialogs;

/// <summary>Dialog states of RFC 3261 §12.</summary>
public enum SipDialogState
{
    Early,
    Confirmed,
    Terminated,
}
