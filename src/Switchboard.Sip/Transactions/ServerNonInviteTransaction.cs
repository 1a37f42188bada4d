using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Non-INVITE server transaction (RFC 3261 §17.2.2, figure 8): retransmitted requests are answered with the last response;
/// timer J keeps the Completed state for 64*T1 over UDP.
/// </summary>
public sealed class ServerNonInviteTransaction : SipServerTransaction
{
    internal ServerNonInviteTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    internal void Start()
    {
        lock (Gate)
        {
            SetState(SipTransactionState.Trying);
        }
    }

    public override bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return false;
            }

            LastResponse = response;
            if (!response.IsProvisional)
            {
                Layer.Metrics.ServerCompleted(Request.Method, response.StatusCode); // counted before the peer can see it
                Diagnostics.SipTracing.Stop(Activity, response.StatusCode);
            }

            Send(response, ResponseDestination);
            if (response.IsProvisional)
            {
                SetState(SipTransactionState.Proceeding);
                return true;
            }

            SetState(SipTransactionState.Completed);
            if (!Remote.IsReliable)
            {
                TrimRequest(); // held for timer J (64*T1): only the answer to a retransmission is needed
            }

            StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout, () => SetState(SipTransactionState.Terminated)); // timer J
            return true;
        }
    }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Gate)
        {
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
            {
                Send(LastResponse, ResponseDestination);
            }
        }
    }
}
