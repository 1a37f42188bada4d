using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transport;

/// <summary>The send side of the transport layer (RFC 3261 §18) as the transaction layer sees it.</summary>
public interface ISipTransport
{
    /// <summary>The host and port to put in Via sent-by and Contact for the given transport (the public address).</summary>
    (string Host, int Port) GetSentBy(SipTransportKind transport);

    /// <summary>Serializes and sends a message. Transport failures surface as exceptions.</summary>
    ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default);
}
