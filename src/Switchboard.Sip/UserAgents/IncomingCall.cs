using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgents;

/// <summary>
/// A new INVITE waiting for the application (RFC 3261 §13.3): ring, answer with an SDP answer, or reject.
/// A CANCEL from the caller is answered 487 here and completes <see cref="Cancelled"/> (§9.2).
/// </summary>
public sealed class IncomingCall
{
    private readonly SipUserAgent _ua;
    private readonly ServerInviteTransaction _tx;
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;
    private int _settled;

    internal IncomingCall(SipUserAgent ua, ServerInviteTransaction tx)
    {
        _ua = ua;
        _tx = tx;
        LocalTag = SipTransactionLayer.RandomToken(6);
        tx.CancelRequested.Register(() =>
        {
            if (Interlocked.Exchange(ref _answered, 1) == 0)
            {
                _tx.Respond(SipStatusCodes.RequestTerminated, null, LocalTag);
                _cancelled.TrySetResult();
                Settle();
            }
        });
        tx.Terminated.ContinueWith(static (_, state) => ((IncomingCall)state!).Settle(), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The INVITE (with received/rport stamped on the top Via).</summary>
    public SipRequest Request => _tx.Request;

    public SipNameAddress From => Request.From!;

    public SipNameAddress To => Request.To!;

    public string CallId => Request.CallId!;

    /// <summary>The INVITE server transaction's span context (default when not traced): the parent of the call's span.</summary>
    public System.Diagnostics.ActivityContext TraceContext => _tx.Activity?.Context ?? default;

    /// <summary>Where the INVITE came from.</summary>
    public SipEndPoint Remote => _tx.Remote;

    /// <summary>The SDP offer (may be empty: offer in 2xx/ACK is not supported).</summary>
    public ReadOnlyMemory<byte> OfferBody => Request.Body;

    public string? OfferContentType => Request.ContentType;

    /// <summary>Completes when the caller cancelled before an answer.</summary>
    public Task Cancelled => _cancelled.Task;

    internal string LocalTag { get; }

    /// <summary>Sends 180 Ringing (or another 1xx, e.g. 183 with early media SDP).</summary>
    public Task RingAsync(int statusCode = SipStatusCodes.Ringing, string? contentType = null, ReadOnlyMemory<byte> body = default, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _answered) == 0)
        {
            var r = SipResponseFactory.Create(Request, statusCode, null, LocalTag);
            var headers = r.Headers.Add(SipHeaderNames.Contact, _ua.ContactFor(Remote.Transport).ToString());
            if (contentType is not null)
            {
                headers = headers.Add(SipHeaderNames.ContentType, contentType);
            }

            _tx.Respond(r with { Headers = headers, Body = body });
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers 200 OK with the SDP answer, retransmits it until ACK (§13.3.1.4) and returns the confirmed dialog.
    /// Throws <see cref="OperationCanceledException"/> if the caller cancelled first, <see cref="TimeoutException"/> if no ACK came.
    /// </summary>
    public async Task<SipDialog> AnswerAsync(string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            throw new OperationCanceledException("The call was cancelled or already answered.");
        }

        var dialog = _ua.CreateServerDialog(_tx, LocalTag);
        var session = SessionInterval.FromRequest(Request);
        var ok = SipResponseFactory.Create(Request, SipStatusCodes.Ok, null, LocalTag);
        var headers = SipDialog.AddSessionHeaders(ok.Headers
            .Add(SipHeaderNames.Contact, _ua.ContactFor(Remote.Transport).ToString())
            .Add(SipHeaderNames.Allow, string.Join(", ", SipMethods.Supported))
            .Add(SipHeaderNames.Supported, string.Join(", ", SipRequestScreen.AcceptedExtensions))
            .Add(SipHeaderNames.Server, _ua.Options.UserAgentName), session)
            .Add(SipHeaderNames.ContentType, contentType);
        foreach (var rr in Request.Headers.GetAll(SipHeaderNames.RecordRoute))
        {
            headers = headers.Add(SipHeaderNames.RecordRoute, rr); // §12.1.1: copy Record-Route into the 2xx
        }

        ok = ok with { Headers = headers, Body = body };
        dialog.NotePeerAllow(Request);
        dialog.NoteLocalSdp(contentType, body);
        dialog.StartSuccessRetransmission(_tx, ok); // before sending, so a fast ACK finds it
        _tx.Respond(ok);
        try
        {
            await Task.WhenAny(dialog.Confirmed, dialog.Terminated).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Settle();
        }

        if (!dialog.Confirmed.IsCompletedSuccessfully) // an ACK followed at once by BYE completes both; the ACK still counts
        {
            throw new TimeoutException("No ACK for the 200 OK.");
        }

        dialog.ApplySessionInterval(session);
        return dialog;
    }

    /// <summary>Rejects the call, e.g. 486 Busy Here, 480, 603 Decline.</summary>
    public Task RejectAsync(int statusCode, string? reasonPhrase = null, CancellationToken cancellationToken = default) =>
        RejectAsync(statusCode, reasonPhrase, [], cancellationToken);

    /// <summary>Rejects the call with extra headers, e.g. WWW-Authenticate on 401 or Retry-After on 486.</summary>
    public Task RejectAsync(int statusCode, string? reasonPhrase, IEnumerable<SipHeader> headers, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
        {
            var r = SipResponseFactory.Create(Request, statusCode, reasonPhrase, LocalTag);
            foreach (var h in headers)
            {
                r = r with { Headers = r.Headers.Add(h.Name, h.Value) };
            }

            _tx.Respond(r);
            Settle();
        }

        return Task.CompletedTask;
    }

    /// <summary>This call no longer counts as unconfirmed (ACKed, refused, cancelled or its transaction ended); once only.</summary>
    internal void Settle()
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            _ua.CallSettled(Remote.Address.Address);
        }
    }
}
