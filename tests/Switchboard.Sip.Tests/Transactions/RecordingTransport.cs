using System.Collections.Concurrent;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>An in-memory transport: records what the transaction layer sends, so timer tests are deterministic.</summary>
internal sealed class RecordingTransport : ISipTransport
{
    public ConcurrentQueue<(SipMessage Message, SipEndPoint Destination)> Sent { get; } = new();

    public (string Host, int Port) GetSentBy(SipTransportKind transport) => ("127.0.0.1", 5060);

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((message, destination));
        return ValueTask.CompletedTask;
    }

    public List<SipMessage> Messages => Sent.Select(s => s.Message).ToList();

    public int CountRequests(string method) => Sent.Count(s => s.Message is SipRequest r && r.Method == method);

    public int CountResponses(int status) => Sent.Count(s => s.Message is SipResponse r && r.StatusCode == status);
}
