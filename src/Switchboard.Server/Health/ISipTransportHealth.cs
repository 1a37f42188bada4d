namespace Switchboard.Server.Health;

/// <summary>
/// What <c>/healthz</c> asks the SIP transport layer (RFC 3261 §18): are the UDP and TCP listeners up?
/// The SIP stack implements this; until then <see cref="PlaceholderSipTransport"/> only holds the ports.
/// </summary>
public interface ISipTransportHealth
{
    SipTransportStatus GetStatus();
}
