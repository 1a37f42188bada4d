using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Sip:Tcp</c> section: limits of the SIP TCP transport (docs/security.md).</summary>
public sealed class SipTcpOptions
{
    /// <summary><c>Sip:Tcp:IdleTimeout</c>: a TCP connection without traffic this long is closed. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>Sip:Tcp:MaxConnections</c>: TCP connections at once. Default 1,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 1_000;

    /// <summary><c>Sip:Tcp:MaxConnectionsPerSource</c>: TCP connections one address may open to us. Default 20.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerSource { get; set; } = 20;
}
