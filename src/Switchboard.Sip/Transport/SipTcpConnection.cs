using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>
/// One TCP connection (RFC 3261 §18.3): framed by Content-Length, CRLF CRLF keep-alive answered with CRLF (RFC 5626 §4.4.1).
/// At most one message plus one read (<c>maxMessageSize</c> + 8 KiB) is buffered; a send that the peer does not drain
/// within <see cref="SendTimeout"/> closes the connection, so a peer that never reads cannot pile up our writes.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    /// <summary>A send blocked this long (the peer stopped reading) closes the connection.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _cts = new();
    private readonly TimeProvider _timeProvider;
    private long _lastActivity;
    private int _closing;

    public SipTcpConnection(Socket socket, bool inbound, TimeProvider timeProvider)
    {
        _socket = socket;
        _timeProvider = timeProvider;
        Inbound = inbound;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        _lastActivity = timeProvider.GetTimestamp();
    }

    public IPEndPoint Remote { get; }

    /// <summary>True for a connection a peer opened to us (counted against the per-source cap).</summary>
    public bool Inbound { get; }

    public Task? ReadLoop { get; private set; }

    /// <summary>How long since a byte was last received or sent.</summary>
    public TimeSpan IdleFor => _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>
    /// Starts reading. <paramref name="onFrame"/> returns false to close the connection (e.g. its source is banned).
    /// <paramref name="onClosed"/> gets the reason when we closed the connection because the peer broke framing
    /// (RFC 3261 §18.3), or null when it closed normally, was closed by us or failed at the socket.
    /// </summary>
    public void Start(Func<ReadOnlyMemory<byte>, SipTcpConnection, bool> onFrame, Action<SipTcpConnection, string?> onClosed, int maxMessageSize) =>
        ReadLoop = Task.Run(() => ReadLoopAsync(onFrame, onClosed, maxMessageSize));

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cts.Token);
        timeout.CancelAfter(SendTimeout);
        try
        {
            await _writeLock.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Close();
            throw new IOException($"TCP send to {Remote} timed out: the peer is not reading");
        }

        try
        {
            while (!data.IsEmpty)
            {
                var n = await _socket.SendAsync(data, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                data = data[n..];
                Touch();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Close();
            throw new IOException($"TCP send to {Remote} timed out: the peer is not reading");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Stops the read loop (which then reports the close); safe to call from any thread, more than once.
    /// True only for the call that closed it: <paramref name="beforeClose"/> runs then, before the peer can see the
    /// close, so whatever it records is there by the time the peer's read ends (and is recorded once).
    /// </summary>
    public bool Close(Action? beforeClose = null)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return false;
        }

        beforeClose?.Invoke();

        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        return true;
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _timeProvider.GetTimestamp());

    private async Task ReadLoopAsync(Func<ReadOnlyMemory<byte>, SipTcpConnection, bool> onFrame, Action<SipTcpConnection, string?> onClosed, int maxMessageSize)
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

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxMessageSize + 8192));
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var n = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _cts.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                Touch();
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

                    if (!onFrame(buffer.AsMemory(offset + keepAlive, length), this))
                    {
                        return;
                    }

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
        Close();
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
