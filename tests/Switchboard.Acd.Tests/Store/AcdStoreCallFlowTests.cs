using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class AcdStoreCallFlowTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task EnqueueAsync_AgentReady_OffersAtOnceAndFullCallFlowEndsInWrapUp()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", "bsu:5");

        var result = await acd.EnqueueAsync("c1", "bsu", "bsu:3");

        Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
        Assert.Equal("a1", result.OfferedTo);
        Assert.Equal(0, result.Position!.Position);
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        Assert.Equal(QueueEntryState.Offered, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);

        await acd.CompleteAsync("a1", "c1");

        var agent = await acd.AgentStatusAsync("a1");
        Assert.Equal(AgentState.WrapUp, agent.State);
        Assert.Null(await acd.Store.GetEntryAsync("c1").DefaultTimeout());

        acd.Time.Advance(TimeSpan.FromSeconds(29));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        Assert.Equal(AgentState.WrapUp, (await acd.AgentStatusAsync("a1")).State);
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("a1")).State);
    }

    [Fact]
    public async Task AcceptAsync_Offered_OwningNodeGetsAcceptedWithAgentPhoneUser()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var events = await acd.OfferedWithCallEventsAsync(cts.Token);

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());

        Assert.True(await events.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(CallEventType.Accepted, events.Current.Type);
        Assert.Equal("c1", events.Current.CallId);
        Assert.Equal("sip:a1@127.0.0.1", events.Current.AgentPhoneUser);
        Assert.Equal(AgentState.OnCall, (await acd.AgentStatusAsync("a1")).State);
    }

    [Fact]
    public async Task RejectAsync_Offered_OwningNodeGetsOfferedThenRequeuedWithTheReason()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var events = await acd.OfferedWithCallEventsAsync(cts.Token);

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.RejectAsync("a1", "c1").DefaultTimeout());

        Assert.True(await events.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal((CallEventType.Requeued, "a1", "rejected"), (events.Current.Type, events.Current.AgentId, events.Current.Reason));
    }

    [Fact]
    public async Task SubscribeAgentAsync_CallArrives_ReceivesOffer()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var events = acd.Store.SubscribeAgentAsync("a1", cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync();

        // Whether the subscription is live before or after the offer, the offer arrives (published or replayed).
        await acd.EnqueueAsync("c1", "bsu");

        while (true)
        {
            Assert.True(await next.AsTask().DefaultTimeout());
            if (events.Current.Type == AgentEventType.Offer)
            {
                break;
            }

            next = events.MoveNextAsync();
        }

        Assert.Equal("c1", events.Current.CallId);
        Assert.Equal("bsu", events.Current.Queue);
        Assert.Equal(acd.Time.GetUtcNow().AddMilliseconds(-10).AddSeconds(20), events.Current.OfferExpiresAt);
    }

    [Fact]
    public async Task SubscribeAgentAsync_OfferAlreadyOut_ReplaysPendingOffer()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        using var cts = new CancellationTokenSource(TestTimeouts.Default);

        await using var events = acd.Store.SubscribeAgentAsync("a1", cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await events.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(AgentEventType.Offer, events.Current.Type);
        Assert.Equal("c1", events.Current.CallId);
    }

    [Fact]
    public async Task AbandonAsync_WhileOffered_FreesAgentAndCountsOnce()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AbandonAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await acd.Store.AbandonAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());

        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("a1")).State);
        var events = await acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        Assert.Single(events, e => e.Type == AcdEventType.Abandoned);
    }

    [Fact]
    public async Task AbandonAsync_Waiting_RemovesPlaceAndNextCallerMovesUp()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", ready: false);
        await acd.Store.PauseAsync("a1", PauseReason.Lunch).DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        Assert.Equal(2, (await acd.Store.GetPositionAsync("c2").DefaultTimeout())!.Position);

        await acd.Store.AbandonAsync("c1").DefaultTimeout();

        Assert.Equal(1, (await acd.Store.GetPositionAsync("c2").DefaultTimeout())!.Position);
        Assert.Null(await acd.Store.GetPositionAsync("c1").DefaultTimeout());
    }

    [Fact]
    public async Task CallAnsweredAsync_Twice_SecondIsInvalidState()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout();

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.AbandonAsync("c1").DefaultTimeout());
    }

    [Fact]
    public async Task AcceptAsync_OtherAgentsOffer_InvalidState()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.AgentAsync("a2", "bsu");
        var offered = (await acd.EnqueueAsync("c1", "bsu")).OfferedTo!;
        var other = offered == "a1" ? "a2" : "a1";

        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.AcceptAsync(other, "c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await acd.Store.AcceptAsync("ghost", "c1").DefaultTimeout());
    }

    [Fact]
    public async Task EndWrapUpAsync_Early_ReadyAndOutcomeRecorded()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.CompleteAsync("a1", "c1");

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.EndWrapUpAsync("a1", "resolved").DefaultTimeout());

        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("a1")).State);
        var events = await acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        var wrap = Assert.Single(events, e => e.Type == AcdEventType.WrapUpEnded);
        Assert.Equal("resolved", wrap.Fields["outcome"]);
        Assert.Equal("a1", wrap.AgentId);
    }

    [Fact]
    public async Task EnqueueAsync_BadName_ThrowsArgumentException()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await Assert.ThrowsAsync<ArgumentException>(() => acd.Store.EnqueueAsync(AcdTestContext.Call("bad|id", "bsu")));
        await Assert.ThrowsAsync<ArgumentException>(() => acd.Store.EnqueueAsync(AcdTestContext.Call("c1", "")));
    }

    [Fact]
    public async Task EnqueueAsync_UnknownQueue_ReturnsUnknownQueue()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        var result = await acd.EnqueueAsync("c1", "nope");
        Assert.Equal(EnqueueOutcome.UnknownQueue, result.Outcome);
    }

    [Fact]
    public async Task EnqueueAsync_SameCallTwice_AlreadyQueued()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.EnqueueAsync("c1", "bsu");
        Assert.Equal(EnqueueOutcome.AlreadyQueued, (await acd.EnqueueAsync("c1", "bsu")).Outcome);
    }
}
