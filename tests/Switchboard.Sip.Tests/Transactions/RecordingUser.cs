using System.Collections.Concurrent;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transactions;

internal sealed class RecordingUser : ISipTransactionUser
{
    public ConcurrentQueue<SipServerTransaction> Requests { get; } = new();

    public ConcurrentQueue<SipRequest> Acks { get; } = new();

    public ConcurrentQueue<SipResponse> Stray { get; } = new();

    public void OnRequest(SipServerTransaction transaction) => Requests.Enqueue(transaction);

    public void OnAck(SipRequest ack, SipEndPoint remote) => Acks.Enqueue(ack);

    public void OnStrayResponse(SipResponse response, SipEndPoint remote) => Stray.Enqueue(response);
}
