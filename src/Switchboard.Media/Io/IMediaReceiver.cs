using System.Net.Sockets;

namespace Switchboard.Media.Io;

/// <summary>
/// Receives the datagrams of the media sockets and hands each to its socket's <see cref="DatagramHandler"/>:
/// <see cref="EpollMediaReceiver"/> on Linux (a few dedicated threads draining non-blocking sockets with epoll and
/// recvmmsg), <see cref="PortableMediaReceiver"/> elsewhere (one async receive loop per socket).
/// </summary>
internal interface IMediaReceiver : IAsyncDisposable
{
    /// <summary>
    /// Starts receiving on <paramref name="socket"/> (bound, not connected). Dispose the returned registration before
    /// the socket: once its <see cref="IAsyncDisposable.DisposeAsync"/> completed, the handler is not called again
    /// (except by a handler that disposes its own registration: that call finishes normally).
    /// </summary>
    IAsyncDisposable Register(Socket socket, DatagramHandler handler);
}
