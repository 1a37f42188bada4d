using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>Common state of a client or server transaction (RFC 3261 §17): a lock, timers through <see cref="TimeProvider"/>, the peer.</summary>
public abstract class SipTransaction
{
    private readonly List<SipTimerEntry> _timers = [];
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
    {
        Layer = layer;
        Request = request;
        Remote = remote;
        Key = key;
        HeldBytes = request.ReceivedSize;
    }

    /// <summary>
    /// The request that created the transaction. A non-INVITE server transaction replaces it with a copy of the headers
    /// a retransmitted answer needs (Via, From, To, Call-ID, CSeq) once its final response is sent.
    /// </summary>
    public SipRequest Request { get; private set; }

    /// <summary>Received bytes this transaction keeps alive (counted against the layer's ceiling).</summary>
    internal long HeldBytes { get; private set; }

    /// <summary>Where requests are sent (client) or came from (server).</summary>
    public SipEndPoint Remote { get; }

    public SipTransactionState State { get; private set; }

    /// <summary>Completes when the transaction reaches Terminated.</summary>
    public Task Terminated => _terminated.Task;

    internal string Key { get; }

    private protected SipTransactionLayer Layer { get; }

    /// <summary>The transaction's span (<see cref="Diagnostics.SipTracing"/>); null when nobody listens.</summary>
    public System.Diagnostics.Activity? Activity { get; internal set; }

    private protected object Gate { get; } = new();

    private protected SipTimerOptions Timers => Layer.Timers;

    /// <summary>Moves to a state; entering Terminated stops timers and removes the transaction from the layer.</summary>
    private protected void SetState(SipTransactionState state)
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        State = state;
        if (state == SipTransactionState.Terminated)
        {
            foreach (var t in _timers)
            {
                t.Cancel();
            }

            _timers.Clear();
            if (Activity is { IsStopped: false } activity)
            {
                Diagnostics.SipTracing.StopDetached(activity); // ended without a final response
            }

            Layer.Remove(this);
            _terminated.TrySetResult();
        }
    }

    /// <summary>
    /// Starts a one-shot timer on the layer's <see cref="SipTimerWheel"/> whose callback runs under the transaction
    /// lock, unless the transaction ended or the timer was stopped.
    /// </summary>
    private protected SipTimerEntry? StartTimer(TimeSpan due, Action callback)
    {
        if (due <= TimeSpan.Zero)
        {
            callback(); // A zero timer (D, I, J, K on reliable transports) fires at once.
            return null;
        }

        SipTimerEntry? entry = null;
        entry = Layer.TimerWheel.Schedule(due, () =>
        {
            try
            {
                lock (Gate)
                {
                    if (State != SipTransactionState.Terminated && _timers.Remove(entry!))
                    {
                        callback();
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Diagnostics.SipLog.ProcessingFailed(Layer.Logger, ex, Remote);
            }
        });
        _timers.Add(entry);
        return entry;
    }

    private protected void StopTimer(SipTimerEntry? timer)
    {
        if (timer is not null && _timers.Remove(timer))
        {
            timer.Cancel();
        }
    }

    /// <summary>
    /// Keeps only what answering a retransmission needs (RFC 3261 §17.2.2: the last response is resent): the request's
    /// Via, From, To, Call-ID and CSeq as strings, without the body or any other header; frees the received bytes.
    /// </summary>
    private protected void TrimRequest()
    {
        if (Request.ReceivedSize == 0)
        {
            return;
        }

        var kept = new List<SipHeader>(6);
        foreach (var h in Request.Headers)
        {
            if (h.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                kept.Add(h);
            }
        }

        var before = HeldBytes;
        Request = new SipRequest(Request.Method, Request.Uri) { Headers = new SipHeaders(kept.ToArray()) };
        HeldBytes = 0;
        Layer.Release(before);
    }

    private protected void Send(SipMessage message, SipEndPoint destination) =>
        Layer.SendInBackground(message, destination, this as SipClientTransaction);

    /// <summary>Forces termination (e.g. on shutdown).</summary>
    internal void Terminate()
    {
        lock (Gate)
        {
            SetState(SipTransactionState.Terminated);
        }
    }
}
