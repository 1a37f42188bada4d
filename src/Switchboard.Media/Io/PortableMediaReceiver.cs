using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Switchboard.Media.Io;

/// <summary>
/// The receiver for every system but Linux on x86-64 (and for <c>Media:ReceiveThreads = 0</c>): one async loop per
/// socket (<c>ReceiveFromAsync</c> with a reused buffer and <see cref="SocketAddress"/> and a pooled state machine, so no
/// allocation per datagram); each completion runs on the thread pool.
/// </summary>
internal sealed class PortableMediaReceiver(ReceiveErrorCounter? errors = null) : IMediaReceiver
{
    private readonly ReceiveErrorCounter _errors = errors ?? new();

    public IAsyncDisposable Register(Socket socket, DatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(handler);
        return new Loop(socket, handler, _errors);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Receives one datagram into <paramref name="buffer"/>; -1 once the socket is closed or the loop stopped. Socket
    /// errors (ICMP errors from an earlier send surface here on some platforms) are skipped.
    /// </summary>
    /// <remarks>
    /// A pooling builder: without it every receive that has to wait (nearly all of them) boxed a new state machine,
    /// ~100 bytes per RTP packet, which at 300 callers made a gen-0 collection every second and the collections'
    /// pauses were the media clock's late ticks (docs/performance.md).
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> ReceiveDatagramAsync(Socket socket, byte[] buffer, SocketAddress from, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
            catch (SocketException)
            {
                // Keep listening.
            }
        }
    }

    /// <summary>One socket's receive loop; disposing it stops the loop and waits for it.</summary>
    private sealed class Loop : IAsyncDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();
        private readonly Task _task;
        private int _disposed;

        public Loop(Socket socket, DatagramHandler handler, ReceiveErrorCounter errors)
        {
            var token = _cancellation.Token;
            _task = Task.Run(() => RunAsync(socket, handler, errors, token), CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            await _cancellation.CancelAsync().ConfigureAwait(false);
            await _task.ConfigureAwait(false);
            _cancellation.Dispose();
        }

        private static async Task RunAsync(Socket socket, DatagramHandler handler, ReceiveErrorCounter errors, CancellationToken cancellationToken)
        {
            var buffer = new byte[2048];
            var from = new SocketAddress(socket.AddressFamily);
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = await ReceiveDatagramAsync(socket, buffer, from, cancellationToken).ConfigureAwait(false);
                if (length < 0)
                {
                    return;
                }

                try
                {
                    handler(buffer.AsSpan(0, length), from);
                }
#pragma warning disable CA1031 // A failing handler must not end the socket's receive loop.
                catch (Exception)
#pragma warning restore CA1031
                {
                    errors.Increment();
                }
            }
        }
    }
}
