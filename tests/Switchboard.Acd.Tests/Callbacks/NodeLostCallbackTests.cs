using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

/// <summary>
/// Callers of a dead or drained node: dropped by the system (<c>node_lost</c>, never abandoned) and, where the queue
/// allows and the number passes the policy, given a callback at their original place by the callback sweep.
/// </summary>
public sealed class NodeLostCallbackTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task SweepAsync_NodeDiedWithWaitingCallers_CallbackAtTheirPlaceOnlyWhereQueueAndNumberAllow()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu", o => o with { CallbackWhenNodeLost = true });
        await ctx.Acd.QueueAsync("vaxel");
        await ctx.Acd.AgentAsync("a1", "bsu", ready: false);
        var dead = ctx.Acd.AddNode("dead");
        await dead.HeartbeatAsync().DefaultTimeout();
        var places = new Dictionary<string, DateTimeOffset>();
        foreach (var (callId, queue, number) in new[] { ("d1", "bsu", "+46701234561"), ("d2", "bsu", "070-123 45 62"), ("d3", "bsu", "anonymous"), ("d4", "vaxel", "+46701234564") })
        {
            await dead.EnqueueAsync(new EnqueueRequest(callId, queue, [], CallerNumber: number)).DefaultTimeout();
            places[callId] = (await ctx.Acd.Store.GetEntryAsync(callId).DefaultTimeout())!.EnqueuedAt;
            ctx.Acd.Time.Advance(TimeSpan.FromSeconds(10));
        }

        await ctx.Acd.Store.EnqueueAsync(new EnqueueRequest("later", "bsu", [], CallerNumber: "+46701234569")).DefaultTimeout();
        await dead.ExpireHeartbeatAsync().DefaultTimeout();

        Assert.Equal(4, await ctx.Acd.Store.SweepDeadNodesAsync().DefaultTimeout());
        var swept = await ctx.Callbacks.SweepAsync().DefaultTimeout();
        var again = await ctx.Callbacks.SweepAsync().DefaultTimeout();

        Assert.Equal(2, swept.Rescued);
        Assert.Equal(0, again.Rescued);
        foreach (var callId in new[] { "d1", "d2" })
        {
            var callback = await ctx.GetAsync("cb-lost-" + callId);
            Assert.Equal((CallbackState.Pending, places[callId]), (callback.State, callback.Place));
            var entry = (await ctx.Acd.Store.GetEntryAsync("cb-lost-" + callId).DefaultTimeout())!;
            Assert.Equal((QueueEntryKind.Callback, places[callId]), (entry.Kind, entry.EnqueuedAt));
        }

        Assert.Equal("+46701234562", (await ctx.GetAsync("cb-lost-d2")).Number);
        Assert.Equal(2, (await ctx.Callbacks.ListOpenAsync().DefaultTimeout()).Count);
        Assert.Equal(1, (await ctx.Acd.Store.GetPositionAsync("cb-lost-d1").DefaultTimeout())!.Position); // ahead of "later"
        Assert.Equal(3, (await ctx.Acd.Store.GetPositionAsync("later").DefaultTimeout())!.Position);
        var events = await ctx.Acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout();
        var lost = events.Where(e => e.Type == AcdEventType.NodeLost).ToDictionary(e => e.CallId!, e => e.Fields["callback"]);
        Assert.Equal(new Dictionary<string, string> { ["d1"] = "1", ["d2"] = "1", ["d3"] = "1", ["d4"] = "0" }, lost);
        Assert.DoesNotContain(events, e => e.Type == AcdEventType.Abandoned);
        Assert.Equal(2, events.Count(e => e.Type == AcdEventType.CallbackRequested));
        Assert.Single(events, e => e.Type == AcdEventType.CallbackRefused);
        Assert.Equal(0, await ctx.Acd.Redis.GetDatabase().ListLengthAsync(ctx.Acd.Store.KeyPrefix + "lostcallers").DefaultTimeout());
    }

    [Fact]
    public async Task ReleaseNodeAsync_DrainDeadline_OwnCallersDroppedBySystemAndQueuedForACallback()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu", o => o with { CallbackWhenNodeLost = true });
        await ctx.Acd.Store.HeartbeatAsync().DefaultTimeout();
        var other = ctx.Acd.AddNode("other");
        await other.HeartbeatAsync().DefaultTimeout();
        await ctx.Acd.Store.EnqueueAsync(new EnqueueRequest("mine", "bsu", [], CallerNumber: "+46701234561")).DefaultTimeout();
        await other.EnqueueAsync(new EnqueueRequest("theirs", "bsu", [], CallerNumber: "+46701234562")).DefaultTimeout();

        Assert.Equal(1, await ctx.Acd.Store.ReleaseNodeAsync().DefaultTimeout());
        Assert.Equal(1, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Rescued);

        Assert.Null(await ctx.Acd.Store.GetEntryAsync("mine").DefaultTimeout());
        Assert.NotNull(await ctx.Acd.Store.GetEntryAsync("theirs").DefaultTimeout());
        Assert.Equal(QueueEntryKind.Callback, (await ctx.Acd.Store.GetEntryAsync("cb-lost-mine").DefaultTimeout())!.Kind);
        var events = await ctx.Acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.Equal("mine", Assert.Single(events, e => e.Type == AcdEventType.NodeLost).CallId);
    }
}
