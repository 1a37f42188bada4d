using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgents;

/// <summary>
/// Retransmits a 2xx to INVITE at T1, 2*T1, ... capped at T2 until the ACK arrives or 64*T1 passes (RFC 3261 §13.3.1.4).
/// Over reliable transports only the give-up timer runs.
/// </summary>
internal sealed class SuccessRetransmitter
{
    private readonly SipTransactionLayer _layer;
    private readonly ServerInviteTransaction _tx;
    private readonly SipResponse _response;
    private readonly Action _onNoAck;
    private readonly ITimer _retransmit;
    private readonly ITimer _giveUp;
    private readonly Lock _gate = new();
    private TimeSpan _interval;
    private bool _stopped;

    public SuccessRetransmitter(SipTransactionLayer layer, ServerInviteTransaction tx, SipResponse response, Action onNoAck)
    {
        _layer = layer;
        _tx = tx;
        _response = response;
        _onNoAck = onNoAck;
        CSeqNumber = tx.Request.CSeq!.Value.Number;
        _interval = layer.Timers.T1;
        _retransmit = layer.TimeProvider.CreateTimer(_ => Retransmit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _giveUp = layer.TimeProvider.CreateTimer(_ => GiveUp(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (!tx.Remote.IsReliable)
        {
            _retransmit.Change(_interval, Timeout.InfiniteTimeSpan);
        }

        _giveUp.Change(layer.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
    }

    public long CSeqNumber { get; }

    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _retransmit.Dispose();
        _giveUp.Dispose();
    }

    private void Retransmit()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _tx.RetransmitSuccess(_response);
            _interval = TimeSpan.FromTicks(Math.Min((_interval * 2).Ticks, _layer.Timers.T2.Ticks));
            _retransmit.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    private void GiveUp()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _retransmit.Dispose();
        _onNoAck();
    }
}
