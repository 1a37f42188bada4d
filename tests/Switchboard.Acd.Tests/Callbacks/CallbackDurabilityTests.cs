using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

public sealed class CallbackDurabilityTests
{
    [Fact]
    public async Task RedisKilledAndRestarted_TwentyPendingCallbacks_SurviveAndAreWorked()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var tenant = RedisServerFixture.NewKeyPrefix();
        var ids = new List<string>();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout())
        {
            // Every write reaches the disk before it is acknowledged: nothing acknowledged may be lost on SIGKILL.
            await redis.GetServers()[0].ExecuteAsync("CONFIG", "SET", "appendfsync", "always").DefaultTimeout();
            var (acd, callbacks) = Stores(redis, tenant, time);
            await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.Zero }).DefaultTimeout();
            for (var i = 0; i < 20; i++)
            {
                var result = await callbacks.RequestAsync(new CallbackRequest("bsu", $"07012345{i:00}")).DefaultTimeout();
                Assert.Equal(CallbackRequestOutcome.Created, result.Outcome);
                ids.Add(result.CallbackId!);
                time.Advance(TimeSpan.FromSeconds(1));
            }

            await acd.DisposeAsync();
        }

        server.Kill();
        await server.RestartAsync().DefaultTimeout();

        await using var after = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        var (acd2, callbacks2) = Stores(after, tenant, time);
        await using var _ = acd2;
        var open = await callbacks2.ListOpenAsync("bsu").DefaultTimeout();
        Assert.Equal(ids, open.Select(c => c.Id));
        Assert.All(open, c => Assert.Equal(CallbackState.Pending, c.State));

        // Worked after the restart: an agent gets them in their original order.
        await acd2.RegisterAgentAsync(new Agents.Agent("a1", "Agent", [], ["sv"], "sip:a1@127.0.0.1", ["bsu"])).DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await acd2.ReadyAsync("a1").DefaultTimeout());
        foreach (var id in ids)
        {
            Assert.Equal(id, (await acd2.GetAgentAsync("a1").DefaultTimeout())!.CallId);
            Assert.Equal(AcdCommandResult.Ok, await acd2.AcceptAsync("a1", id).DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await callbacks2.BeginAttemptAsync(id, "a1").DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd2.CallAnsweredAsync(id).DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, (await callbacks2.RecordAttemptAsync(id, CallbackOutcome.Answered).DefaultTimeout()).Result);
            Assert.Equal(AcdCommandResult.Ok, await acd2.CallEndedAsync(id).DefaultTimeout());
            await acd2.EndWrapUpAsync("a1").DefaultTimeout(); // no-op when the queue has no wrap-up time
        }

        Assert.Empty(await callbacks2.ListOpenAsync("bsu").DefaultTimeout());
    }

    [Fact]
    public async Task SweepAsync_PendingCallbackWithoutQueueEntry_IsQueuedAgainAtItsPlace()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var (acd, callbacks) = Stores(redis, RedisServerFixture.NewKeyPrefix(), time);
        await using var _ = acd;
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;
        var place = (await acd.GetEntryAsync(id).DefaultTimeout())!.EnqueuedAt;

        // As if the process died between recording the request and queueing it.
        await redis.GetDatabase().KeyDeleteAsync(acd.KeyPrefix + "call:" + id).DefaultTimeout();
        time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, (await callbacks.SweepAsync().DefaultTimeout()).Requeued);
        Assert.Equal(place, (await acd.GetEntryAsync(id).DefaultTimeout())!.EnqueuedAt);
    }

    private static (AcdStore Acd, CallbackStore Callbacks) Stores(IConnectionMultiplexer redis, string tenant, FakeTimeProvider time)
    {
        var acd = new AcdStore(redis, new AcdOptions { Tenant = tenant, NodeId = "node-a", ResilienceTimeProvider = TimeProvider.System }, time);
        return (acd, new CallbackStore(redis, acd, new CallbackOptions(), time));
    }
}
