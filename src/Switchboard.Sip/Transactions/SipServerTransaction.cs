using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>A server transaction (RFC 3261 §17.2): the transaction user sends responses through it; retransmitted requests are absorbed.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Sends a response (RFC 3261 §17.2.1/§17.2.2). Responses after a final one are ignored (returns false).</summary>
    public abstract bool Respond(SipResponse response);

    /// <summary>Convenience: builds a response from the request (§8.2.6) and sends it.</summary>
    public bool Respond(int statusCode, string? reason = null, string? toTag = null) =>
        Respond(SipResponseFactory.Create(Request, statusCode, reason, toTag));

    internal abstract void OnRetransmission(SipRequest request);

    /// <summary>Where responses go (RFC 3261 §18.2.2, RFC 3581 §4): the received/rport address over UDP, the same connection over TCP.</summary>
    private protected SipEndPoint ResponseDestination => Remote;
}
