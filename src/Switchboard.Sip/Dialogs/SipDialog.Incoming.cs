using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Dialogs;

public sealed partial class SipDialog
{
    private SuccessRetransmitter? _pendingSuccess;

    /// <summary>A request from the peer inside this dialog (§12.2.2).</summary>
    internal void OnRequest(SipServerTransaction tx)
    {
        var request = tx.Request;
        var seq = request.CSeq!.Value.Number;
        lock (_gate)
        {
            if (_remoteSeq > 0 && seq <= _remoteSeq)
            {
                tx.Respond(SipStatusCodes.ServerInternalError, "Server Internal Error (CSeq out of order)");
                return;
            }

            _remoteSeq = seq;
        }

        switch (request.Method)
        {
            case SipMethods.Bye:
                tx.Respond(SipStatusCodes.Ok);
                End(new SipDialogEndReason(true, "BYE"));
                return;
            case SipMethods.Options:
                tx.Respond(_ua.OptionsResponse(request, null));
                return;
            case SipMethods.Info or SipMethods.Notify:
                var answered = new SipInDialogRequest(this, tx); // before answering: an answered transaction keeps only a trimmed request
                tx.Respond(SipStatusCodes.Ok);
                _requests.Writer.TryWrite(answered);
                return;
            case SipMethods.Invite or SipMethods.Update:
                if (request.Contacts is [var contact, ..])
                {
                    RemoteTarget = contact.Uri; // target refresh (§12.2.2, RFC 3311 §5.2)
                }

                NotePeerAllow(request);

                _requests.Writer.TryWrite(new SipInDialogRequest(this, tx));
                return;
            case SipMethods.Refer:
                if (!request.Headers.Contains(SipHeaderNames.ReferTo))
                {
                    tx.Respond(SipStatusCodes.BadRequest, "Bad Request (missing Refer-To)");
                    return;
                }

                _requests.Writer.TryWrite(new SipInDialogRequest(this, tx));
                return;
            default:
                tx.Respond(SipStatusCodes.MethodNotAllowed);
                return;
        }
    }

    /// <summary>The ACK for our 2xx (initial or re-INVITE) arrived.</summary>
    internal void OnAck(SipRequest ack)
    {
        var pending = _pendingSuccess;
        if (pending is not null && ack.CSeq?.Number == pending.CSeqNumber)
        {
            pending.Stop();
            _pendingSuccess = null;
        }

        Confirm();
    }

    /// <summary>Answers a request from <see cref="Requests"/>; a 2xx to INVITE is retransmitted until ACK (§13.3.1.4).</summary>
    internal Task RespondAsync(SipServerTransaction tx, int statusCode, string? contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var response = SipResponseFactory.Create(tx.Request, statusCode);
        var headers = response.Headers;
        var refresh = tx.Request.Method is SipMethods.Invite or SipMethods.Update && statusCode is >= 200 and < 300;
        SessionInterval? session = null;
        if (refresh)
        {
            // A 2xx to a re-INVITE or UPDATE is a session refresh (RFC 4028 §9): it negotiates the interval anew.
            session = SessionInterval.FromRequest(tx.Request);
            headers = AddSessionHeaders(headers.Add(SipHeaderNames.Contact, _ua.ContactFor(Peer.Transport).ToString()), session);
            NoteLocalSdp(contentType, body);
        }

        if (contentType is not null)
        {
            headers = headers.Add(SipHeaderNames.ContentType, contentType);
        }

        response = response with { Headers = headers, Body = body };
        if (tx is ServerInviteTransaction invite && response.IsSuccess)
        {
            StartSuccessRetransmission(invite, response); // before sending, so a fast ACK finds it (else: BYE for "No ACK" 32 s later)
        }

        tx.Respond(response);

        if (refresh)
        {
            ApplySessionInterval(session);
        }

        return Task.CompletedTask;
    }

    /// <summary>True while our 2xx to an INVITE waits for its ACK.</summary>
    internal bool AwaitingAck => _pendingSuccess is not null;

    internal void StartSuccessRetransmission(ServerInviteTransaction tx, SipResponse response)
    {
        _pendingSuccess?.Stop();
        _pendingSuccess = new SuccessRetransmitter(_ua.Layer, tx, response, () =>
        {
            // §13.3.1.4: no ACK within 64*T1 - confirm nothing and end the dialog with BYE.
            EndWithBye("No ACK");
        });
    }
}
