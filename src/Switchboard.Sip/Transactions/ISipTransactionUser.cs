using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>The transaction user (RFC 3261 §17): the UA core that receives new requests and what no transaction claims.</summary>
public interface ISipTransactionUser
{
    /// <summary>A new request (not a retransmission, not ACK, not CANCEL) with its server transaction. Called synchronously: do not block.</summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>An ACK that matched no transaction in Completed state: the ACK for a 2xx (§13.3.1.4, §17.2.3).</summary>
    void OnAck(SipRequest ack, SipEndPoint remote);

    /// <summary>
    /// Asked before a server transaction is created for a new non-INVITE request: a response to send statelessly instead
    /// (RFC 3261 §8.2.7, stateless UAS behaviour, meant above all for challenges), or null to go on with a transaction.
    /// Called synchronously: do not block.
    /// </summary>
    SipResponse? RespondStatelessly(SipRequest request, SipEndPoint remote) => null;

    /// <summary>A response no client transaction claims, e.g. a 2xx retransmission after the transaction ended (§13.2.2.4).</summary>
    void OnStrayResponse(SipResponse response, SipEndPoint remote);
}
