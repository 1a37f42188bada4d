using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Nodes;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Nodes;

public sealed class NodeFailureTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AcdScheduler_NodeKilledMidRun_OtherNodeSweepsItsCallersWithinTtlAndKeepsCallbacks()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var options = new AcdOptions { Tenant = tenant, HeartbeatTtl = Ttl, SchedulerInterval = TimeSpan.FromMilliseconds(100) };
        var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.Configuration).DefaultTimeout();
        var nodeA = new AcdStore(connectionA, options with { NodeId = "node-a" }, TimeProvider.System);
        await using var nodeB = new AcdStore(redis.Connection, options with { NodeId = "node-b" }, TimeProvider.System);
        var schedulerA = new AcdScheduler(nodeA, TimeProvider.System);
        await using var schedulerB = new AcdScheduler(nodeB, TimeProvider.System);
        await schedulerA.RunOnceAsync().DefaultTimeout();
        await schedulerB.RunOnceAsync().DefaultTimeout();

        await nodeB.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromMinutes(5), WrapUpTime = TimeSpan.FromMinutes(5) }).DefaultTimeout();
        for (var i = 0; i < 4; i++)
        {
            await nodeB.RegisterAgentAsync(new Agent("ag" + i, "Agent", [], ["sv"], "sip:ag@127.0.0.1", ["bsu"])).DefaultTimeout();
            await nodeB.ReadyAsync("ag" + i).DefaultTimeout();
        }

        // Node A: two callers offered (ag0, ag1), one answered (ag2), three waiting, and a callback. Node B: one offered (ag3), two waiting.
        for (var i = 0; i < 3; i++)
        {
            await nodeA.EnqueueAsync(new EnqueueRequest("a-call" + i, "bsu", [])).DefaultTimeout();
        }

        await nodeA.AcceptAsync("ag2", "a-call2").DefaultTimeout();
        await nodeA.CallAnsweredAsync("a-call2").DefaultTimeout();
        await nodeB.EnqueueAsync(new EnqueueRequest("b-call0", "bsu", [])).DefaultTimeout();
        await nodeA.EnqueueAsync(new EnqueueRequest("a-cb", "bsu", [], Kind: QueueEntryKind.Callback, CallbackNumber: "+4670111")).DefaultTimeout();
        for (var i = 3; i < 6; i++)
        {
            await nodeA.EnqueueAsync(new EnqueueRequest("a-call" + i, "bsu", [])).DefaultTimeout();
        }

        await nodeB.EnqueueAsync(new EnqueueRequest("b-call1", "bsu", [])).DefaultTimeout();
        await nodeB.EnqueueAsync(new EnqueueRequest("b-call2", "bsu", [])).DefaultTimeout();
        Assert.Equal("b-call0", (await nodeB.GetAgentAsync("ag3").DefaultTimeout())!.CallId);

        // Node A's last heartbeat (its callers are alive until it lapses). Node B's scheduler runs from here on; ag0's
        // event stream on node B shows when node A's callers are swept (the sweep rescinds a-call0 and offers the
        // callback in the same script). The replayed pending offer proves the subscription is live before node A dies.
        await nodeA.HeartbeatAsync().DefaultTimeout();
        using var stop = new CancellationTokenSource(TestTimeouts.Default);
        await using var ag0Events = nodeB.SubscribeAgentAsync("ag0", stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await ag0Events.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(("a-call0", AgentEventType.Offer), (ag0Events.Current.CallId, ag0Events.Current.Type));
        schedulerB.Start();

        // Node A dies. Its liveness key carries an expiry of at most the TTL, so the next round of node B's scheduler
        // after that (every SchedulerInterval, AcdSchedulerTests) sweeps it: no clock is asserted.
        await schedulerA.DisposeAsync();
        await nodeA.DisposeAsync();
        await connectionA.DisposeAsync();
        var heartbeatTtl = (long)await redis.Connection.GetDatabase().ExecuteAsync("PTTL", nodeB.KeyPrefix + "node:node-a").DefaultTimeout();
        Assert.NotEqual(-1, heartbeatTtl);
        Assert.True(heartbeatTtl <= (long)Ttl.TotalMilliseconds, $"heartbeat expires in {heartbeatTtl} ms");

        AgentEvent? rescinded = null;
        while (rescinded is null && await ag0Events.MoveNextAsync().AsTask().DefaultTimeout())
        {
            rescinded = ag0Events.Current is { Type: AgentEventType.OfferRescinded, CallId: "a-call0" } e ? e : null;
        }

        Assert.NotNull(rescinded);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(nodeB.KeyPrefix + "node:node-a").DefaultTimeout());
        for (var i = 0; i < 6; i++)
        {
            Assert.Null(await nodeB.GetEntryAsync("a-call" + i).DefaultTimeout());
        }

        // Node B's work is untouched; the promised callback is still queued, first in line; freed agents took them.
        Assert.Equal(QueueEntryState.Offered, (await nodeB.GetEntryAsync("b-call0").DefaultTimeout())!.State);
        Assert.Equal("ag3", (await nodeB.GetEntryAsync("b-call0").DefaultTimeout())!.AgentId);
        var callback = (await nodeB.GetEntryAsync("a-cb").DefaultTimeout())!;
        var b1 = (await nodeB.GetEntryAsync("b-call1").DefaultTimeout())!;
        var b2 = (await nodeB.GetEntryAsync("b-call2").DefaultTimeout())!;
        Assert.Equal(QueueEntryState.Offered, callback.State);
        Assert.Equal(QueueEntryState.Offered, b1.State);
        Assert.Equal(QueueEntryState.Waiting, b2.State);
        Assert.Equal("ag2", (await nodeB.GetAgentAsync("ag2").DefaultTimeout())!.Agent.Id);
        Assert.Equal(AgentState.WrapUp, (await nodeB.GetAgentAsync("ag2").DefaultTimeout())!.State);
        var lost = (await nodeB.ReadEventsAsync(null, 1000).DefaultTimeout()).Where(e => e.Type == AcdEventType.NodeLost).ToList();
        Assert.Equal(6, lost.Count);
        Assert.All(lost, e => Assert.Equal("node-a", e.Fields["node"]));
    }

    [Fact]
    public async Task SweepDeadNodesAsync_TwoNodesSweepAtOnce_EachCallRemovedOnce()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        var dead = acd.AddNode("dead");
        var sweeper = acd.AddNode("sweeper");
        await acd.QueueAsync("bsu");
        await dead.HeartbeatAsync().DefaultTimeout();
        for (var i = 0; i < 50; i++)
        {
            await dead.EnqueueAsync(AcdTestContext.Call("c" + i, "bsu")).DefaultTimeout();
        }

        await dead.ExpireHeartbeatAsync().DefaultTimeout();
        var removed = await Task.WhenAll(acd.Store.SweepDeadNodesAsync(), sweeper.SweepDeadNodesAsync()).DefaultTimeout();

        Assert.Equal(50, removed.Sum());
        var events = await acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.Equal(50, events.Count(e => e.Type == AcdEventType.NodeLost));
    }

    [Fact]
    public async Task SweepDeadNodesAsync_NodeAlive_RemovesNothing()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(0, await acd.Store.SweepDeadNodesAsync().DefaultTimeout());
        Assert.NotNull(await acd.Store.GetEntryAsync("c1").DefaultTimeout());
    }
}
