using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Server.Configuration;
using Switchboard.Server.Health;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The SIP stack of this node on <c>Sip:BindAddress</c>/<c>Sip:Port</c> (RFC 3261 §18 transports, §17 transactions,
/// the UA core and a digest-authenticating registrar for agents' phones). Binds when created, so a taken port fails
/// start-up with a clear <see cref="ConfigurationErrorException"/>; reports the real listeners to <c>/healthz</c>.
/// </summary>
public sealed class SipTelephony : ISipTransportHealth, IAsyncDisposable
{
    private readonly SipNetworkTransport _transport;
    private readonly bool _tcp;
    private int _disposed;

    public SipTelephony(SipOptions sip, IRegistrationStore registrations, ISipCredentialStore credentials, TimeProvider timeProvider, ILoggerFactory loggerFactory,
        Meter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(sip);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var address = IPAddress.Parse(sip.BindAddress);
        var security = sip.SecurityOptions;
        SecurityEvents = new SipSecurityEvents(loggerFactory, timeProvider);
        _transport = new SipNetworkTransport(
            new SipTransportOptions
            {
                BindAddress = address,
                Port = sip.Port,
                PublicHost = address.Equals(IPAddress.Any) && string.IsNullOrWhiteSpace(sip.PublicAddress) ? null : sip.AdvertisedAddress,
                TcpIdleTimeout = sip.Tcp.IdleTimeout,
                MaxTcpConnections = sip.Tcp.MaxConnections,
                MaxTcpConnectionsPerSource = sip.Tcp.MaxConnectionsPerSource,
            },
            loggerFactory.CreateLogger<SipNetworkTransport>())
        {
            RateLimiter = new SourceRateLimiter(security.RateLimit, timeProvider),
            SecurityEvents = SecurityEvents,
            TimeProvider = timeProvider,
        };
        Layer = new SipTransactionLayer(_transport, timeProvider, logger: loggerFactory.CreateLogger<SipTransactionLayer>())
        {
            Security = security,
            SecurityEvents = SecurityEvents,
        };
        UserAgent = new SipUserAgent(Layer, new SipUserAgentOptions(), loggerFactory.CreateLogger<SipUserAgent>());
        // Sip:Registrar:Algorithms defaults to MD5 only: common phones (baresip 1.0's libre among them) give up (ENOSYS) on a
        // SHA-256 challenge even when an MD5 one is offered too.
        Registrar = new SipRegistrar(registrations, credentials, timeProvider, sip.RegistrarOptions,
            logger: loggerFactory.CreateLogger<SipRegistrar>(), events: SecurityEvents);
        UserAgent.RegisterHandler = Registrar;
        PhoneDomain = sip.PhoneDomain;
        if (meter is not null)
        {
            SipInstruments.Publish(meter, _transport, Layer, UserAgent, SecurityEvents);
        }

        try
        {
            _transport.Start(Layer.Receive);
            _tcp = true;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationErrorException("Sip:Port", $"{sip.BindEndPoint} is already in use", error);
        }
        catch (SocketException error)
        {
            throw new ConfigurationErrorException("Sip:BindAddress", $"cannot bind {sip.BindEndPoint}: {error.Message}", error);
        }
    }

    /// <summary>The transaction layer (RFC 3261 §17).</summary>
    public SipTransactionLayer Layer { get; }

    /// <summary>The UA core: incoming calls, outgoing INVITEs, OPTIONS.</summary>
    public SipUserAgent UserAgent { get; }

    /// <summary>The domain of agents' phone addresses-of-record (<see cref="SipOptions.PhoneDomain"/>).</summary>
    public string PhoneDomain { get; }

    /// <summary>The registrar for agents' phones (REGISTER with digest auth).</summary>
    public SipRegistrar Registrar { get; }

    /// <summary>Security events of the SIP layer and their counters (<c>/metrics</c>: <c>switchboard_sip_security_events_total</c>).</summary>
    public SipSecurityEvents SecurityEvents { get; }

    /// <summary>TCP connections open now.</summary>
    public int TcpConnectionCount => _transport.TcpConnectionCount;

    /// <summary>The bound SIP port.</summary>
    public int Port => _transport.Port;

    public SipTransportStatus GetStatus()
    {
        var endPoint = _transport.LocalEndPoint.ToString();
        return new SipTransportStatus(true, endPoint, _tcp ? endPoint : null,
            $"SIP stack listening; {UserAgent.DialogCount} dialogs, {Layer.ServerTransactionCount + Layer.ClientTransactionCount} transactions");
    }

    /// <summary>Closes the transport; idempotent (the container may reach this object through two registrations).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
    }
}
