using System.Net.Sockets;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>Checks before Kestrel starts that a <see cref="ListenUrl"/>'s port is free, to name the setting when it is not.</summary>
internal static class ListenPortCheck
{
    public static void EnsureFree(ListenUrl url)
    {
        using var probe = new Socket(url.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(url.EndPoint);
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationErrorException(url.Setting, $"{url.EndPoint} is already in use", error);
        }
        catch (SocketException error)
        {
            throw new ConfigurationErrorException(url.Setting, $"cannot bind {url.EndPoint}: {error.Message}", error);
        }
    }
}
