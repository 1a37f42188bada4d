using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1). <see cref="FinalResponse"/> completes with the first final response, or with a
/// locally made 408 on timeout (timer B/F) or 503 on transport failure (§8.1.3.1, §8.1.3.7).
/// </summary>
public abstract class SipClientTransaction : SipTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint remote, string key)
        : base(layer, request, remote, key)
    {
    }

    /// <summary>Called for each provisional response (1xx), outside the transaction lock.</summary>
    public Action<SipResponse>? ProvisionalReceived { get; set; }

    /// <summary>Called for 2xx responses that arrive after the first (RFC 6026 Accepted state: retransmissions, forks).</summary>
    public Action<SipResponse>? AdditionalSuccessReceived { get; set; }

    public Task<SipResponse> FinalResponse => _final.Task;

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    internal void OnTransportError()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Terminated)
            {
                return;
            }

            if (_final.TrySetResult(LocalResponse(SipStatusCodes.ServiceUnavailable, "Service Unavailable (transport error)")))
            {
                Layer.Metrics.ClientTransportError(Request.Method);
                SipTracing.Stop(Activity, SipStatusCodes.ServiceUnavailable, SipTransactionMetrics.TransportErrorOutcome);
                SipLog.ClientTransactionTransportError(Layer.Logger, Request.Method, Remote, Request.CallId);
            }

            SetState(SipTransactionState.Terminated);
        }
    }

    /// <summary>Completes <see cref="FinalResponse"/> with a received final response (counted once per transaction).</summary>
    private protected void Complete(SipResponse response)
    {
        if (_final.TrySetResult(response))
        {
            Layer.Metrics.ClientCompleted(Request.Method, response.StatusCode);
            SipTracing.Stop(Activity, response.StatusCode);
        }
    }

    /// <summary>Timer B or F fired before a final response: completes with a local 408 (RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    private protected void TimedOut(string timer)
    {
        if (_final.TrySetResult(LocalResponse(SipStatusCodes.RequestTimeout, $"Request Timeout (timer {timer})")))
        {
            Layer.Metrics.ClientTimedOut(Request.Method);
            SipTracing.Stop(Activity, SipStatusCodes.RequestTimeout, SipTransactionMetrics.TimeoutOutcome);
            SipLog.ClientTransactionTimedOut(Layer.Logger, Request.Method, Remote, timer, Request.CallId);
        }
    }

    private protected void Provisional(SipResponse response)
    {
        var callback = ProvisionalReceived;
        if (callback is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.callback(s.response), (callback, response), preferLocal: false);
        }
    }

    private protected void AdditionalSuccess(SipResponse response)
    {
        var callback = AdditionalSuccessReceived;
        callback?.Invoke(response);
    }

    /// <summary>A response made up locally (timeout, transport error) with the request's dialog headers.</summary>
    private protected SipResponse LocalResponse(int status, string? reason = null) => SipResponseFactory.Create(Request, status, reason);
}
