using System.Globalization;
using System.Threading.Channels;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12): Call-ID, tags, local and remote CSeq, remote target and route set. Sends in-dialog requests
/// (BYE, INFO, re-INVITE, REFER, NOTIFY) and surfaces the peer's in <see cref="Requests"/>. <see cref="Terminated"/> completes
/// when the dialog ends for any reason.
/// </summary>
public sealed partial class SipDialog
{
    private readonly SipUserAgent _ua;
    private readonly Channel<SipInDialogRequest> _requests = Channel.CreateUnbounded<SipInDialogRequest>();
    private readonly TaskCompletionSource<SipDialogEndReason> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private long _localSeq;
    private long _remoteSeq;

    internal SipDialog(SipUserAgent ua, bool isCaller, string callId, SipNameAddress localParty, SipNameAddress remoteParty, SipUri remoteTarget,
        IReadOnlyList<SipNameAddress> routeSet, long localSeq, long remoteSeq, SipEndPoint peer)
    {
        _ua = ua;
        IsCaller = isCaller;
        CallId = callId;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSeq = localSeq;
        _remoteSeq = remoteSeq;
        Peer = peer;
    }

    /// <summary>True when we sent the INVITE (UAC), false when we answered it (UAS).</summary>
    public bool IsCaller { get; }

    public string CallId { get; }

    /// <summary>Our From (UAC) or To (UAS) with our tag.</summary>
    public SipNameAddress LocalParty { get; }

    /// <summary>The peer's address with its tag.</summary>
    public SipNameAddress RemoteParty { get; }

    public string LocalTag => LocalParty.Tag!;

    public string? RemoteTag => RemoteParty.Tag;

    /// <summary>The peer's Contact; updated by target refresh requests (§12.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>Route set from Record-Route (§12.1.1, §12.1.2).</summary>
    public IReadOnlyList<SipNameAddress> RouteSet { get; }

    /// <summary>Where the dialog's first transaction went to or came from; used when the remote target cannot be resolved.</summary>
    public SipEndPoint Peer { get; }

    public SipDialogState State { get; private set; } = SipDialogState.Early;

    /// <summary>Requests from the peer inside the dialog (INFO, re-INVITE, UPDATE, REFER, NOTIFY); BYE and OPTIONS are handled here.</summary>
    public ChannelReader<SipInDialogRequest> Requests => _requests.Reader;

    /// <summary>Completes with the reason when the dialog ends.</summary>
    public Task<SipDialogEndReason> Terminated => _terminated.Task;

    /// <summary>Completes when the dialog is confirmed (ACK received for our 2xx, or our ACK sent).</summary>
    public Task Confirmed => _confirmed.Task;

    internal string Key => SipUserAgent.DialogKey(CallId, LocalTag, RemoteTag);

    /// <summary>Sends BYE (§15.1.1) and ends the dialog; returns the final response (408 on timeout).</summary>
    public async Task<SipResponse> ByeAsync(CancellationToken cancellationToken = default)
    {
        if (State == SipDialogState.Terminated)
        {
            return SipResponseFactory.Create(BuildRequest(SipMethods.Bye), SipStatusCodes.CallDoesNotExist);
        }

        var response = await SendByeAsync(cancellationToken).ConfigureAwait(false);
        End(new SipDialogEndReason(false, "BYE"));
        return response;
    }

    /// <summary>
    /// Ends the dialog for <paramref name="reason"/> first, then sends BYE: the reason stays ours even when the peer's
    /// 200 (or its own BYE) arrives at once.
    /// </summary>
    internal void EndWithBye(string reason)
    {
        if (End(new SipDialogEndReason(false, reason)))
        {
            _ = SendByeAsync(CancellationToken.None);
        }
    }

    private Task<SipResponse> SendByeAsync(CancellationToken cancellationToken) =>
        SendAsync(SipMethods.Bye, null, default, null, cancellationToken);

    /// <summary>Sends INFO (RFC 6086), e.g. <c>application/dtmf-relay</c>.</summary>
    public Task<SipResponse> SendInfoAsync(string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        SendAsync(SipMethods.Info, contentType, body, null, cancellationToken);

    /// <summary>Sends REFER (RFC 3515 §2.4.1) asking the peer to call <paramref name="target"/>; 202 means accepted.</summary>
    public Task<SipResponse> SendReferAsync(SipUri target, CancellationToken cancellationToken = default) =>
        SendAsync(SipMethods.Refer, null, default, [new SipHeader(SipHeaderNames.ReferTo, $"<{target}>")], cancellationToken);

    /// <summary>Sends NOTIFY with a message/sipfrag body reporting REFER progress (RFC 3515 §2.4.4), e.g. "SIP/2.0 200 OK".</summary>
    public Task<SipResponse> SendReferNotifyAsync(string sipFragStatusLine, bool final, CancellationToken cancellationToken = default) =>
        SendAsync(SipMethods.Notify, "message/sipfrag;version=2.0", System.Text.Encoding.UTF8.GetBytes(sipFragStatusLine + "\r\n"),
            [new SipHeader(SipHeaderNames.Event, "refer"), new SipHeader(SipHeaderNames.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60")],
            cancellationToken);

    /// <summary>Sends a re-INVITE with a new offer (§14.1), e.g. hold with a=sendonly; ACKs a 2xx. Returns the final response.</summary>
    public Task<SipResponse> SendReinviteAsync(string contentType, ReadOnlyMemory<byte> offer, CancellationToken cancellationToken = default) =>
        SendReinviteAsync(contentType, offer, null, cancellationToken);

    /// <summary>Sends a re-INVITE with extra header fields, e.g. <c>Session-Expires</c> on a session refresh (RFC 4028 §7.4).</summary>
    public async Task<SipResponse> SendReinviteAsync(string contentType, ReadOnlyMemory<byte> offer, IEnumerable<SipHeader>? extra, CancellationToken cancellationToken)
    {
        var request = BuildRequest(SipMethods.Invite, contentType, offer, extra);
        var destination = await _ua.ResolveAsync(NextHop, Peer, cancellationToken).ConfigureAwait(false);
        var tx = _ua.Layer.SendRequest(request, destination);
        var response = await tx.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            if (response.Contacts is [var contact, ..])
            {
                RemoteTarget = contact.Uri;
            }

            SendAck(tx.Request, response, destination);
            tx.AdditionalSuccessReceived = r => SendAck(tx.Request, r, destination);
        }

        AfterResponse(response);
        return response;
    }

    private SipUri NextHop => RouteSet is [var first, ..] ? first.Uri : RemoteTarget;

    private async Task<SipResponse> SendAsync(string method, string? contentType, ReadOnlyMemory<byte> body, IEnumerable<SipHeader>? extra, CancellationToken cancellationToken)
    {
        var request = BuildRequest(method, contentType, body, extra);
        var destination = await _ua.ResolveAsync(NextHop, Peer, cancellationToken).ConfigureAwait(false);
        var tx = _ua.Layer.SendRequest(request, destination);
        var response = await tx.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (method != SipMethods.Bye)
        {
            AfterResponse(response);
        }

        return response;
    }

    /// <summary>RFC 5057: 481 and 408 to an in-dialog request end the dialog.</summary>
    private void AfterResponse(SipResponse response)
    {
        if (response.StatusCode is SipStatusCodes.CallDoesNotExist or SipStatusCodes.RequestTimeout)
        {
            End(new SipDialogEndReason(true, response.StatusCode.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Builds an in-dialog request (§12.2.1.1).</summary>
    internal SipRequest BuildRequest(string method, string? contentType = null, ReadOnlyMemory<byte> body = default, IEnumerable<SipHeader>? extra = null)
    {
        long seq;
        lock (_gate)
        {
            seq = method == SipMethods.Ack ? _localSeq : ++_localSeq;
        }

        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, LocalParty.ToString()),
            new(SipHeaderNames.To, RemoteParty.ToString()),
            new(SipHeaderNames.CallId, CallId),
            new(SipHeaderNames.CSeq, $"{seq.ToString(CultureInfo.InvariantCulture)} {method}"),
        };
        headers.AddRange(RouteSet.Select(r => new SipHeader(SipHeaderNames.Route, r.ToString())));
        if (method is SipMethods.Invite or SipMethods.Refer or SipMethods.Notify)
        {
            headers.Add(new SipHeader(SipHeaderNames.Contact, _ua.ContactFor(Peer.Transport).ToString()));
        }

        headers.Add(new SipHeader(SipHeaderNames.UserAgent, _ua.Options.UserAgentName));
        if (extra is not null)
        {
            headers.AddRange(extra);
        }

        if (contentType is not null)
        {
            headers.Add(new SipHeader(SipHeaderNames.ContentType, contentType));
        }

        return new SipRequest(method, RemoteTarget) { Headers = new SipHeaders(headers.ToArray()), Body = body };
    }

    /// <summary>ACK for a 2xx (§13.2.2.4): a new transaction-less request with the INVITE's CSeq number.</summary>
    internal void SendAck(SipRequest invite, SipResponse response, SipEndPoint destination) =>
        SendAck(invite.CSeq!.Value.Number, response, destination);

    internal void SendAck(long cseqNumber, SipResponse response, SipEndPoint destination)
    {
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, LocalParty.ToString()),
            new(SipHeaderNames.To, response.Headers.Get(SipHeaderNames.To)!),
            new(SipHeaderNames.CallId, CallId),
            new(SipHeaderNames.CSeq, $"{cseqNumber.ToString(CultureInfo.InvariantCulture)} ACK"),
        };
        headers.AddRange(RouteSet.Select(r => new SipHeader(SipHeaderNames.Route, r.ToString())));
        var ack = new SipRequest(SipMethods.Ack, RemoteTarget) { Headers = new SipHeaders(headers.ToArray()) };
        _ua.Layer.SendStateless(ack, destination);
        Confirm();
    }

    internal void Confirm()
    {
        lock (_gate)
        {
            if (State == SipDialogState.Early)
            {
                State = SipDialogState.Confirmed;
            }
        }

        _confirmed.TrySetResult();
    }

    /// <summary>Ends the dialog; true for the call that ended it, false when it had already ended.</summary>
    internal bool End(SipDialogEndReason reason)
    {
        lock (_gate)
        {
            if (State == SipDialogState.Terminated)
            {
                return false;
            }

            State = SipDialogState.Terminated;
        }

        _ua.RemoveDialog(this);
        StopSessionTimer();
        _requests.Writer.TryComplete();
        _confirmed.TrySetException(new InvalidOperationException("Dialog ended before it was confirmed"));
        _ = _confirmed.Task.Exception;
        _terminated.TrySetResult(reason);
        return true;
    }
}
