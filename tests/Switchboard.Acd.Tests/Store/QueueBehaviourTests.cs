using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class QueueBehaviourTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData(NoAgentBehaviour.Callback, EnqueueOutcome.OfferCallback)]
    [InlineData(NoAgentBehaviour.Closed, EnqueueOutcome.Closed)]
    [InlineData(NoAgentBehaviour.Wait, EnqueueOutcome.Queued)]
    public async Task EnqueueAsync_NobodyLoggedIn_AppliesNoAgentBehaviour(NoAgentBehaviour behaviour, EnqueueOutcome expected)
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { NoAgents = behaviour });

        var result = await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == EnqueueOutcome.Queued, await acd.Store.GetEntryAsync("c1").DefaultTimeout() is not null);
    }

    [Fact]
    public async Task EnqueueAsync_NobodyLoggedInOverflow_QueuedInOtherQueue()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { NoAgents = NoAgentBehaviour.Overflow, NoAgentOverflowQueue = "vaxel" });
        await acd.QueueAsync("vaxel");
        await acd.AgentAsync("v1", "vaxel");

        var result = await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(EnqueueOutcome.Overflowed, result.Outcome);
        Assert.Equal("vaxel", result.Queue);
        Assert.Equal("v1", result.OfferedTo);
    }

    [Fact]
    public async Task EnqueueAsync_MemberPausedButLoggedIn_Waits()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { NoAgents = NoAgentBehaviour.Closed });
        await acd.AgentAsync("a1", "bsu", ready: false);
        await acd.Store.PauseAsync("a1", PauseReason.Lunch).DefaultTimeout();

        var result = await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
        Assert.Null(result.Position!.EstimatedWait);
        Assert.Equal(0, result.Position.AgentsStaffed);
    }

    [Fact]
    public async Task EnqueueAsync_Callback_KeepsOriginalPlace()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", ready: false);
        await acd.Store.PauseAsync("a1", PauseReason.Lunch).DefaultTimeout();
        var place = acd.Time.GetUtcNow();
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");

        // c1 takes a callback instead of waiting: the live call leaves, the callback keeps c1's place.
        await acd.Store.AbandonAsync("c1").DefaultTimeout();
        var callback = AcdTestContext.Call("cb1", "bsu") with { Kind = QueueEntryKind.Callback, CallbackNumber = "+46701234567", OriginalEnqueuedAt = place };
        await acd.Store.EnqueueAsync(callback).DefaultTimeout();

        Assert.Equal(1, (await acd.Store.GetPositionAsync("cb1").DefaultTimeout())!.Position);
        await acd.Store.ReadyAsync("a1").DefaultTimeout();
        Assert.Equal("cb1", await acd.OfferOfAsync("a1"));
    }

    [Fact]
    public async Task GetPositionAsync_ThreeWaitingTwoStaffed_EstimateFromHandleTimes()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { WrapUpTime = TimeSpan.Zero });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("warm", "bsu");
        await acd.CompleteAsync("a1", "warm"); // one sample: 60 s handle time
        await acd.AgentAsync("a2", "bsu");
        await acd.Store.PauseAsync("a1", PauseReason.Other).DefaultTimeout();
        await acd.Store.PauseAsync("a2", PauseReason.Other).DefaultTimeout();
        await acd.Store.ReadyAsync("a1").DefaultTimeout();
        await acd.Store.ReadyAsync("a2").DefaultTimeout();
        await acd.EnqueueAsync("busy1", "bsu");
        await acd.EnqueueAsync("busy2", "bsu");
        await acd.Store.AcceptAsync("a1", (await acd.OfferOfAsync("a1"))!).DefaultTimeout();
        await acd.Store.AcceptAsync("a2", (await acd.OfferOfAsync("a2"))!).DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        await acd.EnqueueAsync("c3", "bsu");

        var p3 = (await acd.Store.GetPositionAsync("c3").DefaultTimeout())!;

        Assert.Equal(3, p3.Position);
        Assert.Equal(2, p3.AgentsStaffed);
        Assert.Equal(TimeSpan.FromSeconds(90), p3.EstimatedWait); // 3 × 60 s / 2
        Assert.Equal(TimeSpan.FromSeconds(30), (await acd.Store.GetPositionAsync("c1").DefaultTimeout())!.EstimatedWait); // floor
    }

    [Fact]
    public async Task ReadEventsAsync_CallFlow_TypedEventsInOrder()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.CompleteAsync("a1", "c1");

        var events = await acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        var callEvents = events.Where(e => e.CallId == "c1" && e.Type != AcdEventType.AgentStateChanged).Select(e => e.Type);

        Assert.Equal([AcdEventType.Enqueued, AcdEventType.Offered, AcdEventType.Accepted, AcdEventType.Answered, AcdEventType.Ended], callEvents);
        var ended = events.Single(e => e.Type == AcdEventType.Ended);
        Assert.Equal("60000", ended.Fields["handle"]);
        Assert.Equal("bsu", ended.Queue);
        Assert.Equal("a1", ended.AgentId);
        Assert.Contains(events, e => e.Type == AcdEventType.AgentStateChanged && e.Fields["state"] == "WrapUp");

        var rest = await acd.Store.ReadEventsAsync(events[2].Id, 100).DefaultTimeout();
        Assert.Equal(events.Count - 3, rest.Count);
    }

    [Fact]
    public async Task GetQueueAsync_Configured_RoundTrips()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        var options = new QueueOptions
        {
            Name = "bsu",
            OfferTimeout = TimeSpan.FromSeconds(12),
            MaxNoAnswer = 4,
            Escalations = [EscalationStep.Overflow(TimeSpan.FromMinutes(5), "vaxel"), EscalationStep.LowerMinLevel(TimeSpan.FromMinutes(1), 3)],
            NoAgents = NoAgentBehaviour.Overflow,
            NoAgentOverflowQueue = "vaxel",
        };

        await acd.Store.ConfigureQueueAsync(options).DefaultTimeout();
        var read = (await acd.Store.GetQueueAsync("bsu").DefaultTimeout())!;

        Assert.Equal(options.OfferTimeout, read.OfferTimeout);
        Assert.Equal(4, read.MaxNoAnswer);
        Assert.Equal([EscalationStep.LowerMinLevel(TimeSpan.FromMinutes(1), 3), EscalationStep.Overflow(TimeSpan.FromMinutes(5), "vaxel")], read.Escalations);
        Assert.Equal("vaxel", read.NoAgentOverflowQueue);
    }
}
