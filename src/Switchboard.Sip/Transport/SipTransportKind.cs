namespace Switchboard.Sip.Transport;

/// <summary>Transport protocols of RFC 3261 §18 that this stack implements.</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}
