using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

/// <summary>A callback request asked again with the same operation id (a retry after a timeout or a failover) books nothing twice.</summary>
public sealed class CallbackIdempotencyTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RequestAsync_SameOperationIdTwice_OneCallbackOneQueueEntrySameAnswer()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var request = new CallbackRequest("bsu", "070-123 45 67", "+46701234567", OperationId: "op1");

        var first = await ctx.Callbacks.RequestAsync(request).DefaultTimeout();
        var again = await ctx.Callbacks.RequestAsync(request).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.Created, first.Outcome);
        Assert.Equal("cb-op1", first.CallbackId);
        Assert.Equal((first.Outcome, first.CallbackId, first.Place), (again.Outcome, again.CallbackId, again.Place));
        Assert.Equal(1, (await ctx.GetAsync("cb-op1")).Requests);
        Assert.Single(await ctx.Callbacks.ListOpenAsync("bsu").DefaultTimeout());
        Assert.Equal(1, (await ctx.Acd.Store.GetQueueStatusAsync("bsu").DefaultTimeout()).Waiting);
        var events = await ctx.Acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        Assert.Single(events, e => e.Type == AcdEventType.CallbackRequested);
        Assert.Single(events, e => e.Type == AcdEventType.Enqueued);
    }

    [Fact]
    public async Task RequestAsync_RetriedAfterTheCallbackWasCancelled_NotQueuedAgain()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var request = new CallbackRequest("bsu", "070-123 45 67", OperationId: "op2");
        await ctx.Callbacks.RequestAsync(request).DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.CancelAsync("cb-op2").DefaultTimeout());

        var again = await ctx.Callbacks.RequestAsync(request).DefaultTimeout();

        Assert.Equal("cb-op2", again.CallbackId);
        Assert.Equal(CallbackState.Closed, (await ctx.GetAsync("cb-op2")).State);
        Assert.Null(await ctx.Acd.Store.GetEntryAsync("cb-op2").DefaultTimeout());
    }
}
