using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class RedisConnectorTests
{
    [Fact]
    public async Task ConnectAsync_RedisStartsLate_ConnectsAfterRetries()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        redis.Kill();
        var logger = new FakeLogger();
        var connecting = RedisConnector.ConnectAsync(redis.Configuration, 30, TimeSpan.FromMilliseconds(100), TimeProvider.System, logger);
        await FirstWarningAsync(logger.Collector).DefaultTimeout();
        Assert.False(connecting.IsCompleted);
        await redis.RestartAsync().DefaultTimeout();
        await using var connection = await connecting.DefaultTimeout();

        Assert.True(connection.IsConnected);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message.Contains("not reachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsStoreUnavailableAfterTheAttempts()
    {
        var logger = new FakeLogger();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => RedisConnector.ConnectAsync(
            $"127.0.0.1:{RedisServer.FreeTcpPort()},connectTimeout=1000", 3, TimeSpan.FromMilliseconds(10), TimeProvider.System, logger)).DefaultTimeout();

        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("not reachable", StringComparison.Ordinal)));
    }

    private static async Task FirstWarningAsync(FakeLogCollector collector)
    {
        await foreach (var record in collector.GetLogsAsync())
        {
            if (record.Level == LogLevel.Warning)
            {
                return;
            }
        }
    }
}
