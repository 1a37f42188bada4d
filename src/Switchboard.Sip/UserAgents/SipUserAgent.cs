using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgents;

/// <summary>
/// The UA core (RFC 3261 §8, §12-§15) as transaction user: screens requests, answers OPTIONS, hands new calls to
/// <see cref="IncomingCalls"/>, routes in-dialog requests to their <see cref="SipDialog"/>, places outgoing calls.
/// </summary>
public sealed partial class SipUserAgent : ISipTransactionUser
{
    private readonly ConcurrentDictionary<string, SipDialog> _dialogs = new(StringComparer.Ordinal);
    private readonly Channel<IncomingCall> _incoming = Channel.CreateUnbounded<IncomingCall>();
    private readonly ILogger _logger;
    private readonly UnconfirmedCallTable _unconfirmed = new();

    public SipUserAgent(SipTransactionLayer layer, SipUserAgentOptions? options = null, ILogger? logger = null)
    {
        Layer = layer;
        Options = options ?? new SipUserAgentOptions();
        _logger = logger ?? NullLogger.Instance;
        layer.User = this;
    }

    public SipTransactionLayer Layer { get; }

    public SipUserAgentOptions Options { get; }

    /// <summary>New incoming calls (INVITE without To tag). Read them promptly: the caller waits.</summary>
    public ChannelReader<IncomingCall> IncomingCalls => _incoming.Reader;

    /// <summary>Handler for REGISTER (the registrar); without one REGISTER gets 405.</summary>
    public ISipRequestHandler? RegisterHandler { get; set; }

    public int DialogCount => _dialogs.Count;

    /// <summary>
    /// Incoming calls not yet confirmed by an ACK nor refused (bounded by <see cref="SipSecurityOptions.MaxUnconfirmedCalls"/>
    /// in total and <see cref="SipSecurityOptions.MaxUnconfirmedCallsPerSource"/> per source address).
    /// </summary>
    public int UnconfirmedCallCount => _unconfirmed.Count;

    /// <summary>
    /// Read for every out-of-dialog OPTIONS and INVITE (must not block): anything but
    /// <see cref="SipAvailability.Available"/> answers OPTIONS with 503, <see cref="SipAvailability.Draining"/> new
    /// INVITEs too. Null: always available.
    /// </summary>
    public Func<SipAvailability>? Availability { get; set; }

    /// <summary>Our Contact for a transport (§8.1.1.8).</summary>
    public SipNameAddress ContactFor(SipTransportKind transport)
    {
        var (host, port) = Layer.Transport.GetSentBy(transport);
        var uri = SipUri.Create(Options.ContactUser, host, port);
        if (transport == SipTransportKind.Tcp)
        {
            uri = uri with { Parameters = uri.Parameters.With("transport", "tcp") };
        }

        return new SipNameAddress(uri);
    }

    internal static string DialogKey(string callId, string localTag, string? remoteTag) => string.Concat(callId, "|", localTag, "|", remoteTag);

    void ISipTransactionUser.OnRequest(SipServerTransaction transaction)
    {
        try
        {
            Dispatch(transaction);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.RequestFailed(_logger, ex, transaction.Request.Method, transaction.Request.CallId);
            transaction.Respond(SipStatusCodes.ServerInternalError);
        }
    }

    /// <summary>
    /// A REGISTER without credentials gets the registrar's challenge statelessly (RFC 3261 §8.2.7): no server transaction
    /// is kept for timer J (32 s over UDP) only to answer the retransmissions of a 401. Anything the screen would refuse
    /// goes the stateful way (and is refused there).
    /// </summary>
    SipResponse? ISipTransactionUser.RespondStatelessly(SipRequest request, SipEndPoint remote) =>
        request.Method == SipMethods.Register && RegisterHandler is SipRegistrar registrar && SipRequestScreen.Check(request, "screen") is null
            ? registrar.ChallengeStatelessly(request, remote)
            : null;

    private void Dispatch(SipServerTransaction tx)
    {
        var request = tx.Request;
        var toTag = request.To?.Tag;
        if (SipRequestScreen.Check(request, toTag ?? SipTransactionLayer.RandomToken(6)) is { } rejection)
        {
            tx.Respond(rejection);
            return;
        }

        if (toTag is not null)
        {
            if (_dialogs.TryGetValue(DialogKey(request.CallId!, toTag, request.From?.Tag), out var dialog))
            {
                dialog.OnRequest(tx);
            }
            else
            {
                tx.Respond(SipStatusCodes.CallDoesNotExist);
            }

            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite when Availability?.Invoke() == SipAvailability.Draining:
                tx.Respond(SipStatusCodes.ServiceUnavailable, "Draining");
                return;
            case SipMethods.Invite:
                if (RefuseOverCapacity(tx))
                {
                    return;
                }

                var call = new IncomingCall(this, (ServerInviteTransaction)tx);
                if (!_incoming.Writer.TryWrite(call))
                {
                    call.Settle();
                    tx.Respond(SipStatusCodes.ServiceUnavailable);
                }

                return;
            case SipMethods.Options when Availability?.Invoke() is SipAvailability.Degraded or SipAvailability.Draining:
                tx.Respond(SipStatusCodes.ServiceUnavailable);
                return;
            case SipMethods.Options:
                tx.Respond(OptionsResponse(request, SipTransactionLayer.RandomToken(6)));
                return;
            case SipMethods.Register when RegisterHandler is { } handler:
                _ = HandleAsync(handler, tx);
                return;
            case SipMethods.Register:
                tx.Respond(SipStatusCodes.MethodNotAllowed);
                return;
            default:
                tx.Respond(SipStatusCodes.CallDoesNotExist);
                return;
        }
    }

    /// <summary>
    /// A new call beyond the dialog cap or the unconfirmed-call caps (in total, per source) gets 503 with Retry-After
    /// before any dialog or media exists; otherwise it is counted as unconfirmed until <see cref="CallSettled"/>.
    /// </summary>
    private bool RefuseOverCapacity(SipServerTransaction tx)
    {
        var security = Layer.Security;
        var source = tx.Remote.Address.Address;
        var refused = _dialogs.Count >= security.MaxDialogs ? ("dialogs", security.MaxDialogs)
            : _unconfirmed.TryAdd(source, security.MaxUnconfirmedCalls, security.MaxUnconfirmedCallsPerSource);
        if (refused is not ({ } cap, var limit))
        {
            return false;
        }

        Layer.SecurityEvents?.CapacityRefused(source, cap, limit);
        tx.Respond(SipTransactionLayer.ServiceUnavailable(tx.Request, security.RetryAfter));
        return true;
    }

    /// <summary>An incoming call from <paramref name="source"/> was confirmed by ACK, refused, cancelled or abandoned.</summary>
    internal void CallSettled(IPAddress source) => _unconfirmed.Remove(source);

    private async Task HandleAsync(ISipRequestHandler handler, SipServerTransaction tx)
    {
        try
        {
            await handler.HandleAsync(tx, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, ex, tx.Request.Method, tx.Request.CallId);
            tx.Respond(SipStatusCodes.ServerInternalError);
        }
    }

    /// <summary>200 to OPTIONS with Allow, Accept and Supported (RFC 3261 §11.2).</summary>
    internal SipResponse OptionsResponse(SipRequest request, string? toTag)
    {
        var r = SipResponseFactory.Create(request, SipStatusCodes.Ok, null, toTag);
        return r with
        {
            Headers = r.Headers
                .Add(SipHeaderNames.Allow, string.Join(", ", SipMethods.Supported))
                .Add(SipHeaderNames.Accept, "application/sdp")
                .Add(SipHeaderNames.Supported, string.Join(", ", SipRequestScreen.AcceptedExtensions))
                .Add(SipHeaderNames.Server, Options.UserAgentName),
        };
    }

    void ISipTransactionUser.OnAck(SipRequest ack, SipEndPoint remote)
    {
        if (ack.To?.Tag is { } toTag && _dialogs.TryGetValue(DialogKey(ack.CallId!, toTag, ack.From?.Tag), out var dialog))
        {
            dialog.OnAck(ack);
        }
    }

    void ISipTransactionUser.OnStrayResponse(SipResponse response, SipEndPoint remote)
    {
        // A 2xx retransmission whose transaction is gone: ACK it again from the dialog (§13.2.2.4).
        if (response.IsSuccess && response.CSeq?.Method == SipMethods.Invite && response.From?.Tag is { } localTag &&
            _dialogs.TryGetValue(DialogKey(response.CallId!, localTag, response.To?.Tag), out var dialog) && dialog.IsCaller)
        {
            dialog.SendAck(response.CSeq.Value.Number, response, dialog.Peer);
        }
    }

    internal SipDialog CreateServerDialog(ServerInviteTransaction tx, string localTag)
    {
        var request = tx.Request;
        var remoteTarget = request.Contacts is [var c, ..] ? c.Uri : request.From!.Uri;
        var dialog = new SipDialog(this, false, request.CallId!, request.To!.WithTag(localTag), request.From!, remoteTarget,
            request.RecordRoutes, 0, request.CSeq!.Value.Number, tx.Remote);
        _dialogs[dialog.Key] = dialog;
        return dialog;
    }

    internal void RemoveDialog(SipDialog dialog) => _dialogs.TryRemove(new KeyValuePair<string, SipDialog>(dialog.Key, dialog));

    /// <summary>Finds a dialog by Call-ID and tags.</summary>
    public SipDialog? FindDialog(string callId, string localTag, string remoteTag) =>
        _dialogs.TryGetValue(DialogKey(callId, localTag, remoteTag), out var d) ? d : null;

    /// <summary>Resolves a URI to an endpoint: IP literals directly, names through DNS A/AAAA (no NAPTR/SRV); falls back to <paramref name="fallback"/>.</summary>
    internal async ValueTask<SipEndPoint> ResolveAsync(SipUri uri, SipEndPoint? fallback, CancellationToken cancellationToken)
    {
        var transport = uri.Transport switch
        {
            "tcp" => SipTransportKind.Tcp,
            "udp" => SipTransportKind.Udp,
            _ => fallback?.Transport ?? SipTransportKind.Udp,
        };
        var port = uri.Port ?? 5060;
        if (IPAddress.TryParse(uri.HostAddress, out var ip))
        {
            return new SipEndPoint(transport, new IPEndPoint(ip, port));
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(uri.HostAddress, cancellationToken).ConfigureAwait(false);
            if (addresses.Length > 0)
            {
                return new SipEndPoint(transport, new IPEndPoint(addresses[0], port));
            }
        }
        catch (System.Net.Sockets.SocketException) when (fallback is not null)
        {
        }

        return fallback ?? throw new InvalidOperationException($"Cannot resolve {uri.Host}");
    }
}
