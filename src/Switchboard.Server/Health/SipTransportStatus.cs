namespace Switchboard.Server.Health;

/// <summary>The state of the SIP listeners as <c>/healthz</c> reports it.</summary>
/// <param name="Udp">The bound UDP endpoint, or null when not bound.</param>
/// <param name="Tcp">The listening TCP endpoint, or null when not listening.</param>
public sealed record SipTransportStatus(bool Healthy, string? Udp, string? Tcp, string Description);
