using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.Acd.Tests.Callbacks;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Resilience;

/// <summary>
/// Issue 17: the resilience pipeline retries a script after a client-side timeout although the script may have run.
/// Each test makes that happen for real: the script runs on redis-server, its reply is held back by
/// <see cref="ReplyHoldingRelay"/> past the store's 300 ms timeout, the pipeline sends it again, and the retry must
/// answer as the first run did (not FAILED_PRECONDITION / wrong state) and change nothing twice.
/// </summary>
public sealed class ScriptRetryTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AcceptAsync_RetriedAfterTheScriptRan_AnswersOkAndAcceptsOnce()
    {
        await using var ctx = new AcdTestContext(redis.Connection);
        await OfferAsync(ctx);
        await using var slow = await SlowStoreAsync(ctx);

        slow.Relay.Arm();
        var result = await slow.Store.AcceptAsync("ag1", "c1").DefaultTimeout();

        Assert.True(slow.Relay.ReleasedByRetry, "the store did not retry the script");
        Assert.Equal(AcdCommandResult.Ok, result);
        Assert.Equal(AgentState.OnCall, (await ctx.AgentStatusAsync("ag1")).State);
        Assert.Single(await ctx.Store.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == AcdEventType.Accepted);
    }

    [Fact]
    public async Task RejectAsync_RetriedAfterTheScriptRan_AnswersOkAndCountsOneMissedOffer()
    {
        await using var ctx = new AcdTestContext(redis.Connection);
        await OfferAsync(ctx);
        await using var slow = await SlowStoreAsync(ctx);

        slow.Relay.Arm();
        var result = await slow.Store.RejectAsync("ag1", "c1").DefaultTimeout();

        Assert.True(slow.Relay.ReleasedByRetry, "the store did not retry the script");
        Assert.Equal(AcdCommandResult.Ok, result);
        Assert.Single(await ctx.Store.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == AcdEventType.Rejected);
        Assert.Equal(1, (await ctx.AgentStatusAsync("ag1")).MissedInRow);
    }

    [Fact]
    public async Task BeginAttemptAsync_RetriedAfterTheScriptRan_AnswersOkAndCountsOneAttempt()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("070-123 45 67");
        await using var slow = await SlowStoreAsync(ctx.Acd);
        var callbacks = new CallbackStore(slow.Redis, slow.Store, new CallbackOptions(), ctx.Acd.Time);

        slow.Relay.Arm();
        var result = await callbacks.BeginAttemptAsync(id, "ag1").DefaultTimeout();

        Assert.True(slow.Relay.ReleasedByRetry, "the store did not retry the script");
        Assert.Equal(AcdCommandResult.Ok, result);
        var entry = await ctx.GetAsync(id);
        Assert.Equal((CallbackState.Dialling, 1), (entry.State, entry.Attempts));
        Assert.Single(await ctx.Acd.Store.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == AcdEventType.CallbackDialling);
    }

    [Fact]
    public async Task RecordAttemptAsync_RetriedAfterTheScriptRan_AnswersRetryWaitingAndRecordsOneFailedAttempt()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("070-123 45 67");
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.BeginAttemptAsync(id, "ag1").DefaultTimeout());
        await using var slow = await SlowStoreAsync(ctx.Acd);
        var callbacks = new CallbackStore(slow.Redis, slow.Store, new CallbackOptions(), ctx.Acd.Time);

        slow.Relay.Arm();
        var (result, state) = await callbacks.RecordAttemptAsync(id, CallbackOutcome.NoAnswer).DefaultTimeout();

        Assert.True(slow.Relay.ReleasedByRetry, "the store did not retry the script");
        Assert.Equal((AcdCommandResult.Ok, CallbackState.RetryWaiting), (result, state));
        var entry = await ctx.GetAsync(id);
        Assert.Equal((CallbackState.RetryWaiting, 1), (entry.State, entry.Attempts));
        Assert.Single(await ctx.Acd.Store.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == AcdEventType.CallbackAttemptFailed);
    }

    /// <summary>Agent ag1 (bsu) is offered call c1.</summary>
    private static async Task OfferAsync(AcdTestContext ctx)
    {
        await ctx.QueueAsync("bsu");
        await ctx.AgentAsync("ag1", "bsu");
        await ctx.EnqueueAsync("c1", "bsu");
        Assert.Equal("c1", await ctx.OfferOfAsync("ag1"));
    }

    /// <summary>A second node's store on the same tenant, through the relay: 300 ms per attempt, two retries.</summary>
    private async Task<SlowStore> SlowStoreAsync(AcdTestContext ctx)
    {
        var relay = ReplyHoldingRelay.Start(redis.Server.Port);
        var connection = await ConnectionMultiplexer.ConnectAsync(relay.Configuration).DefaultTimeout();
        var store = new AcdStore(connection, new AcdOptions
        {
            Tenant = ctx.Tenant,
            NodeId = "node-slow",
            RedisTimeout = TimeSpan.FromMilliseconds(300),
            RedisRetries = 2,
            ResilienceTimeProvider = TimeProvider.System,
        }, ctx.Time);
        Assert.Equal(AcdCommandResult.NotFound, await store.ReadyAsync("nobody").DefaultTimeout()); // scripts loaded before the hold
        return new SlowStore(relay, connection, store);
    }

    private sealed record SlowStore(ReplyHoldingRelay Relay, ConnectionMultiplexer Redis, AcdStore Store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            await Redis.DisposeAsync();
            await Relay.DisposeAsync();
        }
    }
}
