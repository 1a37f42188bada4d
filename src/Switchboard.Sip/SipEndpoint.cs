using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip;

/// <summary>
/// The SIP stack on one address/port: UDP+TCP transport, transaction layer, user agent and (optionally) registrar.
/// Start it, read <see cref="UserAgent"/>.IncomingCalls, place calls with <see cref="SipUserAgent.InviteAsync"/>.
/// </summary>
public sealed class SipEndpoint : IAsyncDisposable
{
    private readonly SipNetworkTransport _transport;

    private SipEndpoint(SipNetworkTransport transport, SipTransactionLayer layer, SipUserAgent userAgent, SipRegistrar? registrar)
    {
        _transport = transport;
        Transactions = layer;
        UserAgent = userAgent;
        Registrar = registrar;
    }

    public SipUserAgent UserAgent { get; }

    public SipTransactionLayer Transactions { get; }

    /// <summary>The registrar, when configured; use <see cref="SipRegistrar.LookupAsync"/> to find where a user is registered.</summary>
    public SipRegistrar? Registrar { get; }

    /// <summary>The bound port (useful when started on port 0).</summary>
    public int Port => _transport.Port;

    public System.Net.IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>Messages rejected or dropped as malformed since start.</summary>
    public long MalformedCount => _transport.MalformedCount;

    /// <summary>Counters of messages and transactions (shared by the transport and the transaction layer).</summary>
    public SipTransactionMetrics Metrics => Transactions.Metrics;

    /// <summary>Binds the sockets and starts receiving.</summary>
    public static SipEndpoint Start(SipEndpointOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        var events = new SipSecurityEvents(loggerFactory, timeProvider);
        var transport = new SipNetworkTransport(options.Transport, loggerFactory.CreateLogger<SipNetworkTransport>())
        {
            RateLimiter = new SourceRateLimiter(options.Security.RateLimit, timeProvider),
            SecurityEvents = events,
            TimeProvider = timeProvider,
        };
        var layer = new SipTransactionLayer(transport, timeProvider, options.Timers, loggerFactory.CreateLogger<SipTransactionLayer>())
        {
            Security = options.Security,
            SecurityEvents = events,
        };
        var ua = new SipUserAgent(layer, options.UserAgent, loggerFactory.CreateLogger<SipUserAgent>());
        SipRegistrar? registrar = null;
        if (options.Registrar is { } registrarOptions)
        {
            registrar = new SipRegistrar(options.RegistrationStore ?? new InMemoryRegistrationStore(timeProvider), options.Credentials, timeProvider, registrarOptions,
                logger: loggerFactory.CreateLogger<SipRegistrar>(), events: events);
            ua.RegisterHandler = registrar;
        }

        if (options.Meter is { } meter)
        {
            SipInstruments.Publish(meter, transport, layer, ua, events);
        }

        transport.Start(layer.Receive);
        return new SipEndpoint(transport, layer, ua, registrar) { SecurityEvents = events };
    }

    /// <summary>Security events and their counters (bans, refused calls, full caps, failed authentication).</summary>
    public SipSecurityEvents SecurityEvents { get; private init; } = null!;

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
    }
}
