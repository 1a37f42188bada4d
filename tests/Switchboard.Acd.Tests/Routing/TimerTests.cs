using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

public sealed class TimerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RunDueTimersAsync_OfferTimesOut_ReofferedToNextAgentWithPlaceKept()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(15) });
        await acd.AgentAsync("a1", "bsu");
        var place = acd.Time.GetUtcNow();
        await acd.EnqueueAsync("c1", "bsu");
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        await acd.AgentAsync("a2", "bsu");

        acd.Time.Advance(TimeSpan.FromSeconds(14));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        Assert.Equal("c1", await acd.OfferOfAsync("a2"));
        var a1 = await acd.AgentStatusAsync("a1");
        Assert.Equal(AgentState.Ready, a1.State);
        Assert.Equal(1, a1.MissedInRow);
        Assert.Equal(place, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.EnqueuedAt);
        var events = await acd.Store.ReadEventsAsync(null, 200).DefaultTimeout();
        Assert.Single(events, e => e.Type == AcdEventType.OfferTimedOut);
    }

    [Fact]
    public async Task RejectAsync_Rejected_CallerKeepsPlaceAheadOfLaterCallers()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", ready: false);
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        await acd.Store.ReadyAsync("a1").DefaultTimeout();
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.RejectAsync("a1", "c1").DefaultTimeout());

        // The rejected caller is still first in line: re-offered before c2.
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        Assert.Equal(1, (await acd.Store.GetPositionAsync("c2").DefaultTimeout())!.Position);
        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.RejectAsync("a1", "c2").DefaultTimeout());
    }

    [Fact]
    public async Task RejectAsync_MaxNoAnswerInRow_AgentPausedMissed()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { MaxNoAnswer = 2 });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.RejectAsync("a1", "c1").DefaultTimeout());
        // Only agent: re-offered to the same agent, who lets it time out.
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        acd.Time.Advance(TimeSpan.FromSeconds(20));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        var status = await acd.AgentStatusAsync("a1");
        Assert.Equal(AgentState.Paused, status.State);
        Assert.Equal(PauseReason.Missed, status.PauseReason);
        Assert.Equal(QueueEntryState.Waiting, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);

        // Ready again resets the count and takes the caller.
        await acd.Store.ReadyAsync("a1").DefaultTimeout();
        Assert.Equal(0, (await acd.AgentStatusAsync("a1")).MissedInRow);
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
    }

    [Fact]
    public async Task AcceptAsync_AfterMisses_ResetsMissedCount()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { MaxNoAnswer = 2 });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.Store.RejectAsync("a1", "c1").DefaultTimeout();

        await acd.CompleteAsync("a1", "c1");

        Assert.Equal(0, (await acd.AgentStatusAsync("a1")).MissedInRow);
    }

    [Fact]
    public async Task RunDueTimersAsync_EscalationLowersMinLevel_LowerSkilledAgentTakesCall()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { Escalations = [EscalationStep.LowerMinLevel(TimeSpan.FromSeconds(60), 2)] });
        await acd.AgentAsync("junior", "bsu", "bsu:3");
        await acd.EnqueueAsync("c1", "bsu", "bsu:7");
        Assert.Null(await acd.OfferOfAsync("junior"));

        acd.Time.Advance(TimeSpan.FromSeconds(60));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        Assert.Equal("c1", await acd.OfferOfAsync("junior"));
        var entry = (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!;
        Assert.Equal([new SkillRequirement("bsu", 2)], entry.Skills);
        Assert.Equal(1, entry.EscalationsApplied);
    }

    [Fact]
    public async Task RunDueTimersAsync_EscalationAddsSkill_OtherSkillAgentTakesCall()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { Escalations = [EscalationStep.AddSkill(TimeSpan.FromSeconds(30), "assf", 4)] });
        await acd.AgentAsync("other", "bsu", "assf:5");
        await acd.EnqueueAsync("c1", "bsu", "bsu:5");
        Assert.Null(await acd.OfferOfAsync("other"));

        acd.Time.Advance(TimeSpan.FromSeconds(30));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        Assert.Equal("c1", await acd.OfferOfAsync("other"));
    }

    [Fact]
    public async Task RunDueTimersAsync_EscalationOverflows_KeepsPlaceAheadOfTargetQueueCallers()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { Escalations = [EscalationStep.Overflow(TimeSpan.FromSeconds(90), "vuxen")] });
        await acd.QueueAsync("vuxen");
        await acd.AgentAsync("v1", "vuxen", ready: false);
        await acd.EnqueueAsync("early", "bsu");
        acd.Time.Advance(TimeSpan.FromSeconds(10));
        await acd.EnqueueAsync("local", "vuxen");

        acd.Time.Advance(TimeSpan.FromSeconds(80));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        var entry = (await acd.Store.GetEntryAsync("early").DefaultTimeout())!;
        Assert.Equal("vuxen", entry.Queue);
        Assert.Equal(1, (await acd.Store.GetPositionAsync("early").DefaultTimeout())!.Position);
        Assert.Equal(2, (await acd.Store.GetPositionAsync("local").DefaultTimeout())!.Position);

        await acd.Store.ReadyAsync("v1").DefaultTimeout();
        Assert.Equal("early", await acd.OfferOfAsync("v1"));
        var events = await acd.Store.ReadEventsAsync(null, 200).DefaultTimeout();
        var escalated = Assert.Single(events, e => e.Type == AcdEventType.Escalated);
        Assert.Equal("Overflow", escalated.Fields["action"]);
    }

    [Fact]
    public async Task RunDueTimersAsync_WrapUpZero_AgentReadyAtOnce()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { WrapUpTime = TimeSpan.Zero });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");

        await acd.CompleteAsync("a1", "c1");

        Assert.Equal("c2", await acd.OfferOfAsync("a1"));
    }

    [Fact]
    public async Task RunDueTimersAsync_TwoNodesRunAtOnce_EachTimerFiresOnce()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        var other = acd.AddNode("node-b");
        await acd.QueueAsync("bsu");
        for (var i = 0; i < 20; i++)
        {
            await acd.AgentAsync("a" + i, "bsu");
            await acd.EnqueueAsync("c" + i, "bsu");
        }

        acd.Time.Advance(TimeSpan.FromSeconds(20));
        var counts = await Task.WhenAll(acd.Store.RunDueTimersAsync(), other.RunDueTimersAsync()).DefaultTimeout();

        Assert.Equal(20, counts.Sum());
        var events = await acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.Equal(20, events.Count(e => e.Type == AcdEventType.OfferTimedOut));
    }
}
