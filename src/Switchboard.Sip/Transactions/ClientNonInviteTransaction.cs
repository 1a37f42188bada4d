using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Non-INVITE client transaction (RFC 3261 §17.1.2, figure 6): timer E retransmits over UDP (doubling to T2, and at T2 once
/// Proceeding), timer F times out, timer K absorbs retransmitted finals.
/// </summary>
public sealed class ClientNonInviteTransaction : SipClientTransaction
{
    private SipTimerEntry? _timerE;
    private TimeSpan _intervalE;

    internal ClientNonInviteTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            SetState(SipTransactionState.Trying);
            Send(Request, Remote);
            if (!Remote.IsReliable)
            {
                _intervalE = Timers.T1;
                _timerE = StartTimer(_intervalE, RetransmitE);
            }

            StartTimer(Timers.TransactionTimeout, () =>
            {
                if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
                {
                    TimedOut("F");
                    SetState(SipTransactionState.Terminated);
                }
            });
        }
    }

    private void RetransmitE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        Send(Request, Remote);
        _intervalE = State == SipTransactionState.Proceeding ? Timers.T2 : TimeSpan.FromTicks(Math.Min((_intervalE * 2).Ticks, Timers.T2.Ticks));
        _timerE = StartTimer(_intervalE, RetransmitE);
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return; // Completed: retransmitted finals are absorbed.
            }

            if (response.IsProvisional)
            {
                SetState(SipTransactionState.Proceeding);
                Provisional(response);
                return;
            }

            StopTimer(_timerE);
            SetState(SipTransactionState.Completed);
            Complete(response);
            StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.T4, () => SetState(SipTransactionState.Terminated)); // timer K
        }
    }
}
