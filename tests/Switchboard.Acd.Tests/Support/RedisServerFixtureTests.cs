using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Support;

public sealed class RedisServerFixtureTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Shared_Started_AnswersPingOnLoopbackPort()
    {
        Assert.NotEqual(6379, redis.Server.Port);
        var db = redis.Connection.GetDatabase();
        var latency = await db.PingAsync().DefaultTimeout();
        Assert.True(latency >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Private_KilledAndRestarted_KeepsAppendOnlyData()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        var key = RedisServerFixture.NewKeyPrefix() + ":k";
        using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout())
        {
            var db = connection.GetDatabase();
            await db.StringSetAsync(key, "kept").DefaultTimeout();
            // appendfsync everysec: force the AOF to disk before the crash.
            await db.ExecuteAsync("BGREWRITEAOF").DefaultTimeout();
            await WaitForRewriteAsync(db);
        }

        server.Kill();
        Assert.False(server.IsRunning);
        await server.RestartAsync().DefaultTimeout();

        using var again = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        Assert.Equal("kept", (string?)await again.GetDatabase().StringGetAsync(key).DefaultTimeout());
    }

    private static async Task WaitForRewriteAsync(StackExchange.Redis.IDatabase db)
    {
        await Eventually.UntilAsync(async () =>
        {
            var info = (string?)await db.ExecuteAsync("INFO", "persistence").DefaultTimeout() ?? string.Empty;
            return info.Contains("aof_rewrite_in_progress:0", StringComparison.Ordinal)
                && info.Contains("aof_rewrite_scheduled:0", StringComparison.Ordinal);
        }, "the AOF rewrite finished");
    }
}
