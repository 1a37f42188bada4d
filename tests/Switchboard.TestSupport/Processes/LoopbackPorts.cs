using System.Net;
using System.Net.Sockets;

namespace Switchboard.TestSupport;

/// <summary>Free ports on 127.0.0.1 (see also <see cref="RedisServer.FreeTcpPort"/> and <see cref="RedisServer.FreeUdpPort"/>).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free for both UDP and TCP right now, as SIP needs (RFC 3261 §18: the same port for both).</summary>
    public static int FreeUdpAndTcp()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            try
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 50)
            {
                // Taken for UDP: try another.
            }
        }
    }
}
