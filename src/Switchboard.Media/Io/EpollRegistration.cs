using System.Net.Sockets;

namespace Switchboard.Media.Io;

/// <summary>One socket in an <see cref="EpollReceiveLoop"/>'s set; disposing it removes the socket and waits until its handler is left.</summary>
internal sealed class EpollRegistration : IAsyncDisposable
{
    private readonly EpollReceiveLoop _loop;
    private int _busy;
    private int _closed;

    public EpollRegistration(EpollReceiveLoop loop, Socket socket, DatagramHandler handler, int slot, uint generation)
    {
        _loop = loop;
        Socket = socket;
        Handler = handler;
        Slot = slot;
        Generation = generation;
    }

    public Socket Socket { get; }

    public DatagramHandler Handler { get; }

    public int Slot { get; }

    public uint Generation { get; }

    /// <summary>The loop thread enters before it receives for this socket; false once the registration is closed.</summary>
    /// <remarks>Both sides use full fences: either the loop sees the close, or the closer sees the loop inside.</remarks>
    public bool Enter()
    {
        Interlocked.Exchange(ref _busy, 1);
        if (Volatile.Read(ref _closed) == 0)
        {
            return true;
        }

        Volatile.Write(ref _busy, 0);
        return false;
    }

    public void Leave() => Volatile.Write(ref _busy, 0);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _loop.Remove(this);
        if (_loop.OnLoopThread)
        {
            return; // a handler closing its own session: it is the one inside
        }

        while (Volatile.Read(ref _busy) != 0)
        {
            await Task.Yield();
        }
    }
}
