using System.Net.Sockets;
using Switchboard.TestSupport;
using Xunit;

namespace Switchboard.Acd.Tests.Support;

/// <summary>
/// The test redis-servers must not outlive the test process (the runner may SIGKILL a test host, so ProcessExit
/// handlers are not enough): each runs under a watchdog that kills it when the owner's pipe closes.
/// </summary>
public sealed class RedisServerLifetimeTests
{
    [Fact]
    public async Task A_server_whose_owner_is_gone_stops_listening()
    {
        await using var server = await RedisServer.StartAsync();
        Assert.True(await AcceptsAsync(server.Port), "the server listens after start");

        server.SimulateOwnerExit();

        await Eventually.UntilAsync(() => !server.IsRunning, "redis-server exits once its owner's pipe closes", TestTimeouts.Default);
        Assert.False(await AcceptsAsync(server.Port), "nothing listens on the port any more");
    }

    [Fact]
    public async Task A_killed_server_restarts_on_its_port_with_its_data()
    {
        await using var server = await RedisServer.StartAsync();
        server.Kill();
        Assert.False(server.IsRunning);

        await server.RestartAsync();

        Assert.True(server.IsRunning);
        Assert.True(await AcceptsAsync(server.Port), "the restarted server listens on the same port");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
