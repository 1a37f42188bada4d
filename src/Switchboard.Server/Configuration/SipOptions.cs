using System.Net;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Sip</c> section: where the SIP transports (UDP and TCP, RFC 3261 §18) listen.</summary>
public sealed class SipOptions
{
    public const string Section = "Sip";

    /// <summary><c>Sip:BindAddress</c>: the IP address the UDP and TCP transports bind.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary><c>Sip:Port</c>: the SIP port, UDP and TCP.</summary>
    public int Port { get; set; } = 5060;

    /// <summary><c>Sip:PublicAddress</c>: the address written into Contact and SDP; null means the bind address.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>
    /// <c>Sip:Domain</c>: the host part of the address-of-record agents' phones register under,
    /// <c>sip:&lt;phone_user&gt;@&lt;domain&gt;</c>; an agent's leg dials only the binding of that address (the agent
    /// directory's phone account). Null means <see cref="AdvertisedAddress"/>. Set it when phones register through a
    /// name or a proxy, or in a cluster, where every node must look up the same address.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>The domain phones register under: <see cref="Domain"/>, else <see cref="AdvertisedAddress"/>.</summary>
    public string PhoneDomain => string.IsNullOrWhiteSpace(Domain) ? AdvertisedAddress : Domain;

    /// <summary><c>Sip:Security:*</c>: rate limit, call sources and caps (read by <see cref="SipSecurityConfiguration"/>).</summary>
    public SipSecurityOptions Security { get; set; } = SipSecurityOptions.Default;

    /// <summary>
    /// <c>Sip:Registrar:*</c>: realm, algorithms offered (default MD5 only: baresip 1.0 and other phones give up when offered
    /// SHA-256) and the brute-force limits (read by <see cref="SipSecurityConfiguration"/>).
    /// </summary>
    public Switchboard.Sip.Registrar.SipRegistrarOptions Registrar { get; set; } = new() { Algorithms = [Switchboard.Sip.Authentication.DigestAlgorithm.Md5] };

    /// <summary><c>Sip:Tcp:IdleTimeout</c>: a TCP connection without traffic this long is closed. Default 10 minutes.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>Sip:Tcp:MaxConnections</c>: TCP connections at once. Default 1,000.</summary>
    public int MaxTcpConnections { get; set; } = 1_000;

    /// <summary><c>Sip:Tcp:MaxConnectionsPerSource</c>: TCP connections one address may open to us. Default 20.</summary>
    public int MaxTcpConnectionsPerSource { get; set; } = 20;

    /// <summary>The bind address and port as an endpoint (valid after <see cref="SwitchboardSettings.Read"/>).</summary>
    public IPEndPoint BindEndPoint => new(IPAddress.Parse(BindAddress), Port);

    /// <summary>What to advertise: <see cref="PublicAddress"/>, else the bind address.</summary>
    public string AdvertisedAddress => string.IsNullOrWhiteSpace(PublicAddress) ? BindAddress : PublicAddress;
}
