using System.Net.Sockets;

namespace Switchboard.Media.Io;

/// <summary>
/// The Linux receiver: a few dedicated threads (<see cref="EpollReceiveLoop"/>), each draining its share of the media
/// sockets with epoll and recvmmsg and calling the handlers inline: no task, no thread-pool dispatch and no allocation
/// per datagram. Sockets are spread over the threads round robin.
/// </summary>
internal sealed class EpollMediaReceiver : IMediaReceiver
{
    private readonly EpollReceiveLoop[] _loops;
    private int _next = -1;

    /// <param name="threads">Receive threads (at least one).</param>
    /// <param name="errors">Counts the exceptions handlers threw (swallowed).</param>
    public EpollMediaReceiver(int threads, ReceiveErrorCounter? errors = null)
    {
        _loops = new EpollReceiveLoop[Math.Max(1, threads)];
        try
        {
            for (var i = 0; i < _loops.Length; i++)
            {
                _loops[i] = new EpollReceiveLoop($"media-receive-{i}", errors);
            }
        }
        catch
        {
            foreach (var loop in _loops)
            {
                loop?.Dispose();
            }

            throw;
        }
    }

    public IAsyncDisposable Register(Socket socket, DatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(handler);
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_loops.Length);
        return _loops[index].Register(socket, handler);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
