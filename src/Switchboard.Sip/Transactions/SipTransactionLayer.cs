using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): matches requests to server transactions (§17.2.3, with the RFC 2543 fallback)
/// and responses to client transactions (§17.1.3), handles CANCEL (§9.2), stamps received/rport (§18.2.1, RFC 3581 §4).
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly ConcurrentDictionary<string, SipServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly ISipTransport _transport;
    private readonly ILogger _logger;
    private readonly ServerTransactionAdmission _admission;
    private long _serverBytes;

    public SipTransactionLayer(ISipTransport transport, TimeProvider timeProvider, SipTimerOptions? timers = null, ILogger? logger = null)
    {
        _transport = transport;
        TimeProvider = timeProvider;
        Timers = timers ?? SipTimerOptions.Default;
        _logger = logger ?? NullLogger.Instance;
        Metrics = transport is SipNetworkTransport network ? network.Metrics : new SipTransactionMetrics();
        _admission = new ServerTransactionAdmission(this);
        TimerWheel = new SipTimerWheel(timeProvider);
    }

    /// <summary>Every transaction timer, coalesced on one <see cref="ITimer"/>.</summary>
    internal SipTimerWheel TimerWheel { get; }

    /// <summary>
    /// Transaction counters (by side, method, outcome). Shared with the transport's counters when the transport is a
    /// <see cref="SipNetworkTransport"/>, so one snapshot has messages and transactions.
    /// </summary>
    public SipTransactionMetrics Metrics { get; init; }

    internal ILogger Logger => _logger;

    public TimeProvider TimeProvider { get; }

    public SipTimerOptions Timers { get; }

    public ISipTransport Transport => _transport;

    /// <summary>The UA core; set before messages arrive.</summary>
    public ISipTransactionUser? User { get; set; }

    public int ServerTransactionCount => _server.Count;

    /// <summary>Received bytes held by server transactions now (bounded by <see cref="SipSecurityOptions.MaxServerTransactionBytes"/>).</summary>
    public long ServerTransactionBytes => Interlocked.Read(ref _serverBytes);

    /// <summary>Caps and call sources (RFC 3261 leaves these to the implementation; docs/security.md).</summary>
    public SipSecurityOptions Security { get; init; } = SipSecurityOptions.Default;

    /// <summary>Where refused requests are reported; null reports nothing.</summary>
    public SipSecurityEvents? SecurityEvents { get; init; }

    public int ClientTransactionCount => _client.Count;

    /// <summary>A new branch with the RFC 3261 magic cookie (§8.1.1.7).</summary>
    public static string NewBranch() => SipVia.BranchCookie + RandomToken(10);

    /// <summary>A random token for tags and Call-IDs (§19.3: at least 32 bits of randomness).</summary>
    public static string RandomToken(int bytes = 8) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Entry point for every valid message from the transport.</summary>
    public void Receive(SipMessage message, SipEndPoint remote)
    {
        try
        {
            if (message is SipRequest request)
            {
                ReceiveRequest(SipTransactionKeys.StampVia(request, remote), remote);
            }
            else if (message is SipResponse response)
            {
                ReceiveResponse(response, remote);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.ProcessingFailed(_logger, ex, remote);
        }
    }

    /// <summary>Starts a client transaction: adds the top Via with a new branch and sends (§8.1.1.7, §17.1).</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination)
    {
        request = WithNewVia(request, destination.Transport);
        var key = SipTransactionKeys.Client(request.TopVia!.Branch!, request.Method);
        SipClientTransaction tx = request.Method == SipMethods.Invite
            ? new ClientInviteTransaction(this, request, destination, key)
            : new ClientNonInviteTransaction(this, request, destination, key);
        _client[key] = tx;
        Metrics.ClientStarted();
        tx.Activity = SipTracing.Start(request, System.Diagnostics.ActivityKind.Client, destination.Transport);
        tx.Start();
        return tx;
    }

    /// <summary>CANCEL for a pending INVITE client transaction (§9.1): same Request-URI, Call-ID, From, To, CSeq number and top Via.</summary>
    public SipClientTransaction SendCancel(SipClientTransaction invite)
    {
        var r = invite.Request;
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.Via, r.Headers.Get(SipHeaderNames.Via)!),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, r.Headers.Get(SipHeaderNames.From)!),
            new(SipHeaderNames.To, r.Headers.Get(SipHeaderNames.To)!),
            new(SipHeaderNames.CallId, r.CallId!),
            new(SipHeaderNames.CSeq, $"{r.CSeq!.Value.Number.ToString(CultureInfo.InvariantCulture)} CANCEL"),
        };
        headers.AddRange(r.Headers.GetAll(SipHeaderNames.Route).Select(v => new SipHeader(SipHeaderNames.Route, v)));
        var cancel = new SipRequest(SipMethods.Cancel, r.Uri) { Headers = new SipHeaders(headers.ToArray()) };
        var key = SipTransactionKeys.Client(r.TopVia!.Branch!, SipMethods.Cancel);
        var tx = new ClientNonInviteTransaction(this, cancel, invite.Remote, key);
        _client[key] = tx;
        Metrics.ClientStarted();
        tx.Activity = SipTracing.Start(cancel, System.Diagnostics.ActivityKind.Client, invite.Remote.Transport);
        tx.Start();
        return tx;
    }

    /// <summary>Sends a request outside any transaction (ACK for 2xx, §13.2.2.4) with a new Via.</summary>
    public void SendStateless(SipRequest request, SipEndPoint destination) => SendInBackground(WithNewVia(request, destination.Transport), destination);

    /// <summary>Sends a response outside a transaction (e.g. to an unparseable request).</summary>
    public void SendStateless(SipResponse response, SipEndPoint destination) => SendInBackground(response, destination);

    internal void Remove(SipTransaction tx)
    {
        if (tx is SipServerTransaction)
        {
            if (_server.TryRemove(new KeyValuePair<string, SipServerTransaction>(tx.Key, (SipServerTransaction)tx)))
            {
                Release(tx.HeldBytes);
            }
        }
        else
        {
            _client.TryRemove(new KeyValuePair<string, SipClientTransaction>(tx.Key, (SipClientTransaction)tx));
        }
    }

    /// <summary>A server transaction let go of received bytes (trimmed or ended).</summary>
    internal void Release(long bytes) => Interlocked.Add(ref _serverBytes, -bytes);

    internal void SendInBackground(SipMessage message, SipEndPoint destination, SipClientTransaction? owner = null)
    {
        ValueTask pending;
        try
        {
            pending = _transport.SendAsync(message, destination);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.SendFailed(_logger, ex, destination);
            if (owner is not null)
            {
                // Not inline: the owner may be inside its own lock, half-way through a state change.
                ThreadPool.UnsafeQueueUserWorkItem(static tx => tx.OnTransportError(), owner, preferLocal: false);
            }

            return;
        }

        if (!pending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(pending, destination, owner);
        }
    }

    private async Task ObserveAsync(ValueTask pending, SipEndPoint destination, SipClientTransaction? owner)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.SendFailed(_logger, ex, destination);
            owner?.OnTransportError(); // RFC 3261 §8.1.3.1: a transport failure ends the client transaction as a 503.
        }
    }

    private void ReceiveRequest(SipRequest request, SipEndPoint remote)
    {
        var key = SipTransactionKeys.Server(request, request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);
        if (_server.TryGetValue(key, out var existing))
        {
            if (request.Method == SipMethods.Ack && existing.State == SipTransactionState.Accepted)
            {
                User?.OnAck(request, remote); // ACK for a 2xx: goes to the UA core (RFC 6026 §7.1).
                return;
            }

            existing.OnRetransmission(request);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Ack:
                User?.OnAck(request, remote);
                return;
            case SipMethods.Cancel when !_admission.Admit(request, remote):
                return;
            case SipMethods.Cancel:
                var cancelTx = new ServerNonInviteTransaction(this, request, remote, key);
                if (!TryAdd(key, cancelTx))
                {
                    return;
                }

                Metrics.ServerStarted();
                cancelTx.Activity = SipTracing.Start(request, System.Diagnostics.ActivityKind.Server, remote.Transport);
                cancelTx.Start();
                var inviteKey = SipTransactionKeys.Server(request, SipMethods.Invite);
                if (_server.TryGetValue(inviteKey, out var invite) && invite is ServerInviteTransaction pending)
                {
                    cancelTx.Respond(SipStatusCodes.Ok);
                    pending.Cancel();
                }
                else
                {
                    cancelTx.Respond(SipStatusCodes.CallDoesNotExist);
                }

                return;
            case SipMethods.Invite when !_admission.Admit(request, remote):
                return;
            case SipMethods.Invite:
                var inviteTx = new ServerInviteTransaction(this, request, remote, key);
                if (TryAdd(key, inviteTx))
                {
                    Metrics.ServerStarted();
                    inviteTx.Activity = SipTracing.Start(request, System.Diagnostics.ActivityKind.Server, remote.Transport);
                    inviteTx.Start();
                    Deliver(inviteTx);
                }

                return;
            default:
                if (!_admission.Admit(request, remote))
                {
                    return;
                }

                if (User?.RespondStatelessly(request, remote) is { } answer)
                {
                    // No transaction state (RFC 3261 §8.2.7): a retransmission is answered again the same way.
                    Metrics.ServerStarted();
                    Metrics.ServerCompleted(request.Method, answer.StatusCode);
                    SipTracing.Stop(SipTracing.Start(request, System.Diagnostics.ActivityKind.Server, remote.Transport), answer.StatusCode);
                    SendInBackground(answer, remote);
                    return;
                }

                var tx = new ServerNonInviteTransaction(this, request, remote, key);
                if (TryAdd(key, tx))
                {
                    Metrics.ServerStarted();
                    tx.Activity = SipTracing.Start(request, System.Diagnostics.ActivityKind.Server, remote.Transport);
                    tx.Start();
                    Deliver(tx);
                }

                return;
        }
    }

    private bool TryAdd(string key, SipServerTransaction tx)
    {
        if (!_server.TryAdd(key, tx))
        {
            return false;
        }

        Interlocked.Add(ref _serverBytes, tx.HeldBytes);
        return true;
    }

    /// <summary>503 Service Unavailable with Retry-After (RFC 3261 §21.5.4, §20.33).</summary>
    internal static SipResponse ServiceUnavailable(SipRequest request, TimeSpan retryAfter)
    {
        var r = SipResponseFactory.Create(request, SipStatusCodes.ServiceUnavailable, null, RandomToken(6));
        return r with { Headers = r.Headers.Add(SipHeaderNames.RetryAfter, ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)) };
    }

    private void Deliver(SipServerTransaction tx)
    {
        if (User is { } user)
        {
            user.OnRequest(tx);
        }
        else
        {
            tx.Respond(SipStatusCodes.ServiceUnavailable);
        }
    }

    private void ReceiveResponse(SipResponse response, SipEndPoint remote)
    {
        var via = response.TopVia;
        var cseq = response.CSeq;
        if (via?.Branch is { } branch && cseq is { } c && _client.TryGetValue(SipTransactionKeys.Client(branch, c.Method), out var tx))
        {
            tx.OnResponse(response);
            return;
        }

        User?.OnStrayResponse(response, remote);
    }

    private SipRequest WithNewVia(SipRequest request, SipTransportKind transport)
    {
        var (host, port) = _transport.GetSentBy(transport);
        var via = new SipVia(transport.ToString().ToUpperInvariant(), host, port, SipParameters.Empty.With("branch", NewBranch()).With("rport", null));
        return request with { Headers = request.Headers.Prepend(SipHeaderNames.Via, via.ToString()) };
    }
}
