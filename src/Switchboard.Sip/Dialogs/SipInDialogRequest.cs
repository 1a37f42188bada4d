using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// A request the peer sent inside a dialog (RFC 3261 §12.2.2): INFO (DTMF, RFC 2976/6086), re-INVITE and UPDATE (hold/unhold, session refresh: §14.2, RFC 3311, RFC 4028),
/// REFER (RFC 3515), NOTIFY. INFO and NOTIFY are already answered 200; re-INVITE, UPDATE and REFER wait for <see cref="RespondAsync"/>.
/// </summary>
public sealed class SipInDialogRequest
{
    private readonly SipDialog _dialog;
    private readonly SipServerTransaction _transaction;

    internal SipInDialogRequest(SipDialog dialog, SipServerTransaction transaction)
    {
        _dialog = dialog;
        _transaction = transaction;
        Request = transaction.Request; // the transaction keeps only a trimmed copy once answered
    }

    public SipRequest Request { get; }

    public string Method => Request.Method;

    /// <summary>The body, e.g. <c>Signal=5</c> of application/dtmf-relay, or the new SDP of a re-INVITE.</summary>
    public ReadOnlyMemory<byte> Body => Request.Body;

    public string? ContentType => Request.ContentType;

    /// <summary>True once a final response was sent.</summary>
    public bool IsAnswered => _transaction.LastResponse is { IsProvisional: false };

    /// <summary>For REFER: the Refer-To target (RFC 3515 §2.1), or null.</summary>
    public SipNameAddress? ReferTo => SipNameAddress.TryParse(Request.Headers.Get(SipHeaderNames.ReferTo), out var r) ? r : null;

    /// <summary>Answers the request; a 2xx to a re-INVITE carries <paramref name="body"/> (the SDP answer) and is retransmitted until ACK.</summary>
    public Task RespondAsync(int statusCode, string? contentType = null, ReadOnlyMemory<byte> body = default, CancellationToken cancellationToken = default) =>
        _dialog.RespondAsync(_transaction, statusCode, contentType, body, cancellationToken);
}
