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
            Complete(LocalResponse(SipStatusCodes.ServiceUnavailable, "Service Unavailable (transport error)"));
            SetState(SipTransactionState.Terminated);
        }
    }

    private protected void Complete(SipResponse response) => _final.TrySetResult(response);

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
