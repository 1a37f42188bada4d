using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// INVITE client transaction (RFC 3261 §17.1.1, figure 5, with RFC 6026 §7.2 Accepted state): timer A retransmits over
/// UDP, timer B times out, ACK for 3xx-6xx is built here (§17.1.1.3) and timer D absorbs retransmitted finals.
/// </summary>
public sealed class ClientInviteTransaction : SipClientTransaction
{
    private SipTimerEntry? _timerA;
    private TimeSpan _intervalA;
    private SipRequest? _ack;

    internal ClientInviteTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            SetState(SipTransactionState.Calling);
            Send(Request, Remote);
            if (!Remote.IsReliable)
            {
                _intervalA = Timers.T1;
                _timerA = StartTimer(_intervalA, RetransmitA);
            }

            StartTimer(Timers.TransactionTimeout, () =>
            {
                if (State is SipTransactionState.Calling or SipTransactionState.Proceeding)
                {
                    TimedOut("B");
                    SetState(SipTransactionState.Terminated);
                }
            });
        }
    }

    private void RetransmitA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        Send(Request, Remote);
        _intervalA *= 2;
        _timerA = StartTimer(_intervalA, RetransmitA);
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    StopTimer(_timerA);
                    SetState(SipTransactionState.Proceeding);
                    Provisional(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    StopTimer(_timerA);
                    SetState(SipTransactionState.Accepted);
                    Complete(response);
                    StartTimer(Timers.TransactionTimeout, () => SetState(SipTransactionState.Terminated)); // timer M
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    StopTimer(_timerA);
                    SetState(SipTransactionState.Completed);
                    _ack = BuildAck(response);
                    Send(_ack, Remote);
                    Complete(response);
                    StartTimer(Remote.IsReliable ? TimeSpan.Zero : TimeSpan.FromSeconds(32), () => SetState(SipTransactionState.Terminated)); // timer D
                    break;
                case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                    Send(_ack!, Remote);
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    AdditionalSuccess(response);
                    break;
            }
        }
    }

    /// <summary>ACK for a non-2xx final response (RFC 3261 §17.1.1.3): same Request-URI, top Via, Call-ID, From, CSeq number; To from the response.</summary>
    private SipRequest BuildAck(SipResponse response)
    {
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.Via, Request.Headers.Get(SipHeaderNames.Via)!),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, Request.Headers.Get(SipHeaderNames.From)!),
            new(SipHeaderNames.To, response.Headers.Get(SipHeaderNames.To) ?? Request.Headers.Get(SipHeaderNames.To)!),
            new(SipHeaderNames.CallId, Request.CallId!),
            new(SipHeaderNames.CSeq, $"{Request.CSeq!.Value.Number} ACK"),
        };
        headers.AddRange(Request.Headers.GetAll(SipHeaderNames.Route).Select(r => new SipHeader(SipHeaderNames.Route, r)));
        return new SipRequest(SipMethods.Ack, Request.Uri) { Headers = new SipHeaders(headers.ToArray()) };
    }
}
