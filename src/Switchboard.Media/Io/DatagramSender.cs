using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Io;

/// <summary>
/// Sends a session's RTP and RTCP. Where the engine receives on its own epoll threads (Linux x86-64) a datagram goes
/// out through one <c>sendto</c> (<see cref="LinuxMediaCalls.SendTo"/>, non-blocking) on the socket's handle with the
/// peer's native sockaddr; elsewhere through <see cref="Socket.SendTo(ReadOnlySpan{byte}, SocketFlags, SocketAddress)"/>.
/// Either way nothing is allocated and a datagram that cannot go (full send buffer, ICMP port unreachable, closed
/// socket) is dropped like a lost packet: the inactivity timeout decides whether the call is dead.
/// </summary>
internal sealed unsafe class DatagramSender
{
    private readonly Socket _socket;
    private readonly SafeSocketHandle? _handle;

    /// <param name="socket">The socket to send from.</param>
    /// <param name="direct">True to call sendto directly (only where <see cref="LinuxMediaCalls.IsSupported"/>).</param>
    public DatagramSender(Socket socket, bool direct)
    {
        _socket = socket;
        _handle = direct && LinuxMediaCalls.IsSupported ? socket.SafeHandle : null;
    }

    /// <summary>True when datagrams go through sendto directly.</summary>
    public bool IsDirect => _handle is not null;

    /// <summary>Sends <paramref name="datagram"/> to <paramref name="remote"/>; false when it was not sent.</summary>
    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            if (_handle is null)
            {
                _socket.SendTo(datagram, SocketFlags.None, remote);
                return true;
            }

            var address = remote.Buffer.Span;
            fixed (byte* data = datagram)
            fixed (byte* name = address)
            {
                return LinuxMediaCalls.SendTo(_handle, data, (nuint)datagram.Length, LinuxMediaCalls.MsgDontWait, name, (uint)remote.Size) >= 0;
            }
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
