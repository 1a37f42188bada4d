using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Server.Configuration;
using Switchboard.Server.Redis;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Redis;

public sealed class RedisConnectionTests
{
    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsNamingRedisConfiguration()
    {
        var options = new RedisOptions
        {
            Configuration = $"127.0.0.1:{RedisServer.FreeTcpPort()},connectTimeout=1000",
            ConnectAttempts = 2,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        await using var connection = new RedisConnection(options, TimeProvider.System, NullLogger<RedisConnection>.Instance);

        var error = await Assert.ThrowsAsync<ConfigurationErrorException>(() => connection.ConnectAsync()).DefaultTimeout();

        Assert.Equal("Redis:Configuration", error.Setting);
        Assert.Contains("after 2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.False(connection.IsOpen);
    }
}
