using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>One TCP connection (RFC 3261 §18.3): framed by Content-Length, CRLF CRLF keep-alive answered with CRLF (RFC 5626 §4.4.1).</summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _cts = new();

    public SipTcpConnection(Socket socket)
    {
        _socket = socket;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint Remote { get; }

    public Task? ReadLoop { get; private set; }

    /// <summary>
    /// Starts reading. <paramref name="onClosed"/> gets the reason when we closed the connection because the peer broke
    /// framing (RFC 3261 §18.3), or null when it closed normally or failed at the socket.
    /// </summary>
    public void Start(Action<ReadOnlyMemory<byte>, SipTcpConnection> onFrame, Action<SipTcpConnection, string?> onClosed, int maxMessageSize) =>
        ReadLoop = Task.Run(() => ReadLoopAsync(onFrame, onClosed, maxMessageSize));

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!data.IsEmpty)
            {
                var n = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[n..];
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync(Action<ReadOnlyMemory<byte>, SipTcpConnection> onFrame, Action<SipTcpConnection, string?> onClosed, int maxMessageSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        var filled = 0;
        string? framingError = null;
        try
        {
            while (!_cts.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= maxMessageSize + 8192)
                    {
                        framingError = "no complete message within the size limit";
                        return;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var n = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _cts.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                filled += n;
                var offset = 0;
                while (true)
                {
                    var status = SipFrameScanner.TryRead(buffer.AsSpan(offset, filled - offset), maxMessageSize, out var keepAlive, out var length);
                    if (status == OperationStatus.InvalidData)
                    {
                        framingError = "message too large or bad Content-Length";
                        return;
                    }

                    if (keepAlive >= 4 && buffer.AsSpan(offset, keepAlive).IndexOf("\r\n\r\n"u8) >= 0)
                    {
                        await SendAsync("\r\n"u8.ToArray(), _cts.Token).ConfigureAwait(false); // pong
                    }

                    if (status != OperationStatus.Done)
                    {
                        offset += keepAlive;
                        break;
                    }

                    onFrame(buffer.AsMemory(offset + keepAlive, length), this);
                    offset += keepAlive + length;
                }

                buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
                filled -= offset;
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // connection closed
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            onClosed(this, framingError);
            _socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
        if (ReadLoop is not null)
        {
            await ReadLoop.ConfigureAwait(false);
        }

        _cts.Dispose();
        _writeLock.Dispose();
    }
}
