using System.Net;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>Where the stack listens and what it advertises (Via sent-by, Contact).</summary>
public sealed record SipTransportOptions
{
    /// <summary>Address to bind UDP and TCP to. Default 127.0.0.1.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Port for both UDP and TCP; 0 picks a free one. Default 5060.</summary>
    public int Port { get; init; } = 5060;

    /// <summary>Host or address put in Via and Contact; defaults to the bind address.</summary>
    public string? PublicHost { get; init; }

    /// <summary>Port put in Via and Contact; defaults to the bound port.</summary>
    public int? PublicPort { get; init; }

    public bool EnableTcp { get; init; } = true;

    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    /// <summary>
    /// TCP connections are closed after this long without a byte in either direction (RFC 5626 CRLF keep-alives count as
    /// traffic). Default 10 minutes.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>TCP connections open at once, in and out; a peer's connection beyond this is closed at once. Default 1,000.</summary>
    public int MaxTcpConnections { get; init; } = 1_000;

    /// <summary>TCP connections one source address may hold open to us. Default 20.</summary>
    public int MaxTcpConnectionsPerSource { get; init; } = 20;
}
