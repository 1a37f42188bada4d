using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Diagnostics;

/// <summary>A transport whose every send fails the way a refused TCP connection does (asynchronously, with a SocketException).</summary>
internal sealed class FailingTransport : ISipTransport
{
    public int Attempts;

    public (string Host, int Port) GetSentBy(SipTransportKind transport) => ("127.0.0.1", 5060);

    public async ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Attempts);
        await Task.Yield();
        throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
    }
}
