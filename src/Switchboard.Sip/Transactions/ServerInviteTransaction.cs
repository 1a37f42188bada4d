using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 §17.2.1, figure 7, with RFC 6026 §7.1 Accepted state): 100 Trying at once,
/// timer G retransmits a 3xx-6xx over UDP until ACK, timer H gives up, timer I absorbs ACK retransmissions,
/// timer L keeps the transaction to absorb INVITE retransmissions after a 2xx (which the UAS core retransmits, §13.3.1.4).
/// </summary>
public sealed class ServerInviteTransaction : SipServerTransaction
{
    private readonly CancellationTokenSource _cancelled = new();
    private TimeSpan _intervalG;

    internal ServerInviteTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    /// <summary>Signalled when a matching CANCEL arrives before a final response (§9.2); the TU should then answer 487.</summary>
    public CancellationToken CancelRequested => _cancelled.Token;

    /// <summary>Completes with true when the ACK for a 3xx-6xx arrived, false when timer H fired first.</summary>
    public Task<bool> AckReceived => _ack.Task;

    private readonly TaskCompletionSource<bool> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Start()
    {
        lock (Gate)
        {
            SetState(SipTransactionState.Proceeding);
            LastResponse = SipResponseFactory.Create(Request, SipStatusCodes.Trying);
            Send(LastResponse, ResponseDestination);
        }
    }

    public override bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding)
            {
                return false;
            }

            LastResponse = response;
            if (response.IsProvisional)
            {
                Send(response, ResponseDestination);
                return true;
            }

            Layer.Metrics.ServerCompleted(Request.Method, response.StatusCode);
            SipTracing.Stop(Activity, response.StatusCode);
            if (response.IsSuccess)
            {
                SetState(SipTransactionState.Accepted); // before sending: the ACK may come back at once
                Send(response, ResponseDestination);
                StartTimer(Timers.TransactionTimeout, () => SetState(SipTransactionState.Terminated)); // timer L
                return true;
            }

            SetState(SipTransactionState.Completed);
            Send(response, ResponseDestination);
            if (!Remote.IsReliable)
            {
                _intervalG = Timers.T1;
                StartTimer(_intervalG, RetransmitG);
            }

            StartTimer(Timers.TransactionTimeout, () =>
            {
                _ack.TrySetResult(false);
                Layer.Metrics.AckTimeout();
                SipLog.AckTimedOut(Layer.Logger, Remote, LastResponse!.StatusCode, Request.CallId);
                SetState(SipTransactionState.Terminated); // timer H
            });
            return true;
        }
    }

    /// <summary>Sends a 2xx retransmission on behalf of the UAS core while in Accepted (RFC 6026 §7.1).</summary>
    internal void RetransmitSuccess(SipResponse response)
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Accepted)
            {
                Send(response, ResponseDestination);
            }
        }
    }

    private void RetransmitG()
    {
        if (State != SipTransactionState.Completed)
        {
            return;
        }

        Send(LastResponse!, ResponseDestination);
        _intervalG = TimeSpan.FromTicks(Math.Min((_intervalG * 2).Ticks, Timers.T2.Ticks));
        StartTimer(_intervalG, RetransmitG);
    }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Gate)
        {
            if (request.Method == SipMethods.Ack)
            {
                if (State == SipTransactionState.Accepted)
                {
                    Layer.User?.OnAck(request, Remote); // ACK for our 2xx reusing the INVITE branch
                }
                else if (State == SipTransactionState.Completed)
                {
                    SetState(SipTransactionState.Confirmed);
                    _ack.TrySetResult(true);
                    StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.T4, () => SetState(SipTransactionState.Terminated)); // timer I
                }

                return;
            }

            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
            {
                Send(LastResponse, ResponseDestination);
            }
        }
    }

    /// <summary>Handles a CANCEL for this INVITE (§9.2): true when the INVITE was still pending.</summary>
    internal bool Cancel()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding)
            {
                return false;
            }
        }

        _cancelled.Cancel();
        return true;
    }
}
