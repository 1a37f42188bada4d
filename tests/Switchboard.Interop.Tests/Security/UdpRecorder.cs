using System.Net;
using System.Net.Sockets;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// A UDP socket on a chosen loopback address that records every datagram it receives, in arrival order, until
/// disposed: an attacker's socket (to see what the server sends back) or a trap (where a forged SDP asks for media).
/// </summary>
internal sealed class UdpRecorder : IAsyncDisposable
{
    private readonly List<byte[]> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpRecorder(string address)
    {
        Client = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
        _loop = ReceiveAsync();
    }

    public UdpClient Client { get; }

    public int Port => ((IPEndPoint)Client.Client.LocalEndPoint!).Port;

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<byte[]> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var datagram = await Client.ReceiveAsync(_stop.Token);
                lock (_received)
                {
                    _received.Add(datagram.Buffer);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send: keep listening
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        Client.Dispose();
        _stop.Dispose();
    }
}
