using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Security;

/// <summary>The TCP transport's idle timeout and connection caps on a real socket.</summary>
public sealed class TcpLimitTests
{
    private static async Task<int> ReadUntilClosedAsync(TcpClient client)
    {
        var buffer = new byte[16];
        try
        {
            return await client.GetStream().ReadAsync(buffer).AsTask().DefaultTimeout();
        }
        catch (IOException)
        {
            return 0; // reset counts as closed
        }
    }

    [Fact]
    public async Task IdleConnection_ClosedAfterTimeout_ActiveOneKept()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions
        {
            Transport = new SipTransportOptions { Port = 0, TcpIdleTimeout = TimeSpan.FromMilliseconds(800) },
        });
        var target = new IPEndPoint(IPAddress.Loopback, endpoint.Port);
        using var idle = new TcpClient();
        await idle.ConnectAsync(target).DefaultTimeout();
        await idle.GetStream().WriteAsync("O"u8.ToArray()).DefaultTimeout();

        Assert.Equal(0, await ReadUntilClosedAsync(idle));
        Assert.Equal(1, endpoint.SecurityEvents.Count(SipSecurityEvent.TcpIdleClosed));
    }

    [Fact]
    public async Task Connections_BeyondPerSourceCap_ClosedAtOnce()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions
        {
            Transport = new SipTransportOptions { Port = 0, MaxTcpConnectionsPerSource = 3 },
        });
        var target = new IPEndPoint(IPAddress.Loopback, endpoint.Port);
        var clients = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var client = new TcpClient(new IPEndPoint(IPAddress.Parse("127.0.0.7"), 0));
                await client.ConnectAsync(target).DefaultTimeout();
                clients.Add(client);
            }

            using (var fourth = new TcpClient(new IPEndPoint(IPAddress.Parse("127.0.0.7"), 0)))
            {
                try
                {
                    await fourth.ConnectAsync(target).DefaultTimeout();
                    Assert.Equal(0, await ReadUntilClosedAsync(fourth));
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // the reset can beat the end of the handshake
                }
            }

            Assert.Equal(1, endpoint.SecurityEvents.Count(SipSecurityEvent.TcpConnectionRefused));

            using var other = new TcpClient(new IPEndPoint(IPAddress.Parse("127.0.0.8"), 0));
            await other.ConnectAsync(target).DefaultTimeout();
            await other.GetStream().WriteAsync("\r\n\r\n"u8.ToArray()).DefaultTimeout();
            var pong = new byte[2];
            Assert.Equal(2, await other.GetStream().ReadAsync(pong).AsTask().DefaultTimeout()); // another source is still served
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
