namespace Switchboard.Sip.Dialogs;

/// <summary>Why a dialog ended: BYE from the peer or from us, a failed in-dialog request (408/481, RFC 5057), or no ACK for our 2xx (§13.3.1.4).</summary>
/// <param name="ByRemote">True when the peer ended the dialog.</param>
/// <param name="Reason">Short description, e.g. "BYE", "No ACK", "481".</param>
public sealed record SipDialogEndReason(bool ByRemote, string Reason);
