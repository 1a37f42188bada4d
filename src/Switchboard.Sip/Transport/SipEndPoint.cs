using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>A transport and an IP address/port: where a message came from or goes to.</summary>
public readonly record struct SipEndPoint(SipTransportKind Transport, IPEndPoint Address)
{
    /// <summary>True for transports that retransmit nothing themselves (RFC 3261 §17: timers A, E, G only on unreliable transports).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}:{Address}";
}
