using StackExchange.Redis;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Resilience;

public sealed class RedisDownTests
{
    [Fact]
    public async Task EnqueueAsync_RedisKilled_ThrowsStoreUnavailableQuicklyAndRecoversAfterRestart()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        // FailFast: no backlog, so a command that timed out is never sent later behind the caller's back.
        var configuration = ConfigurationOptions.Parse(server.Configuration);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        using var connection = await ConnectionMultiplexer.ConnectAsync(configuration).DefaultTimeout();
        var options = new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "n1", RedisTimeout = TimeSpan.FromMilliseconds(500), RedisRetries = 1 };
        await using var store = new AcdStore(connection, options, TimeProvider.System);
        await store.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        await store.EnqueueAsync(new EnqueueRequest("before", "bsu", [])).DefaultTimeout();

        server.Kill();
        // Bounded by RedisTimeout and RedisRetries (FailFast, no backlog): the call fails within the await's deadline, it never hangs.
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.EnqueueAsync(new EnqueueRequest("during", "bsu", []))).DefaultTimeout();
        Assert.NotNull(error.InnerException);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadyAsync("a1")).DefaultTimeout();

        await server.RestartAsync().DefaultTimeout();
        var result = await Eventually.UntilAsync(async () =>
        {
            try
            {
                return await store.EnqueueAsync(new EnqueueRequest("after", "bsu", [])).DefaultTimeout();
            }
            catch (StoreUnavailableException)
            {
                return null;
            }
        }, enqueued => enqueued is not null, "the store recovered after Redis restarted");

        Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
        // With appendfsync everysec a Redis crash may lose the last second of writes (docs/acd.md); "before" may or may not be back.
        Assert.True(result.Position!.Position is 1 or 2, $"position {result.Position.Position}");
    }
}
