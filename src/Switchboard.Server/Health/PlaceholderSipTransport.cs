using System.Net;
using System.Net.Sockets;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Health;

/// <summary>
/// Holds the configured SIP port (UDP socket bound, TCP socket listening) so start-up fails early when it is taken
/// and <c>/healthz</c> has something true to report. It answers nothing: the SIP stack replaces it.
/// </summary>
public sealed class PlaceholderSipTransport : ISipTransportHealth, IDisposable
{
    private readonly Socket _udp;
    private readonly Socket _tcp;

    private PlaceholderSipTransport(Socket udp, Socket tcp)
    {
        _udp = udp;
        _tcp = tcp;
    }

    /// <summary>Binds UDP and TCP on <see cref="SipOptions.BindEndPoint"/>, or throws <see cref="ConfigurationErrorException"/> for <c>Sip:Port</c>.</summary>
    public static PlaceholderSipTransport Bind(SipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endPoint = options.BindEndPoint;
        var udp = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            Bind(udp, endPoint, "UDP");
            Bind(tcp, endPoint, "TCP");
            tcp.Listen(128);
            return new PlaceholderSipTransport(udp, tcp);
        }
        catch
        {
            udp.Dispose();
            tcp.Dispose();
            throw;
        }
    }

    public SipTransportStatus GetStatus()
    {
        var udp = _udp.IsBound ? _udp.LocalEndPoint?.ToString() : null;
        var tcp = _tcp.IsBound ? _tcp.LocalEndPoint?.ToString() : null;
        var healthy = udp is not null && tcp is not null;
        return new SipTransportStatus(healthy, udp, tcp, healthy ? "ports held (no SIP stack yet)" : "not bound");
    }

    public void Dispose()
    {
        _udp.Dispose();
        _tcp.Dispose();
    }

    private static void Bind(Socket socket, IPEndPoint endPoint, string transport)
    {
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationErrorException("Sip:Port", $"{transport} {endPoint} is already in use", error);
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AccessDenied)
        {
            throw new ConfigurationErrorException(
                error.SocketErrorCode == SocketError.AccessDenied ? "Sip:Port" : "Sip:BindAddress",
                $"cannot bind {transport} {endPoint}: {error.Message}",
                error);
        }
    }
}
