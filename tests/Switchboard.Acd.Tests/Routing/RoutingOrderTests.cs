using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

public sealed class RoutingOrderTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ReadyAsync_SeveralWaiting_OffersFifoWithinPriorityAndHigherPriorityFirst()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", ready: false);
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        await acd.EnqueueAsync("vip", "bsu", priority: 5);
        await acd.EnqueueAsync("c3", "bsu");

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await acd.Store.ReadyAsync("a1").DefaultTimeout();
            var call = (await acd.OfferOfAsync("a1"))!;
            order.Add(call);
            await acd.CompleteAsync("a1", call);
        }

        Assert.Equal(["vip", "c1", "c2", "c3"], order);
    }

    [Fact]
    public async Task ReadyAsync_AgentServesTwoQueues_OldestCallerAcrossQueuesWins()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.QueueAsync("assf");
        await acd.AgentAsync("a1", "bsu,assf", ready: false);
        await acd.EnqueueAsync("b1", "bsu");
        await acd.EnqueueAsync("s1", "assf");
        await acd.EnqueueAsync("b2", "bsu");
        await acd.EnqueueAsync("s2", "assf");

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await acd.Store.ReadyAsync("a1").DefaultTimeout();
            var call = (await acd.OfferOfAsync("a1"))!;
            order.Add(call);
            await acd.CompleteAsync("a1", call);
        }

        Assert.Equal(["b1", "s1", "b2", "s2"], order);
    }

    [Fact]
    public async Task EnqueueAsync_SeveralReady_HighestSkillLevelThenLongestIdleWins()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("low", "bsu", "bsu:3");
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.AgentAsync("highNew", "bsu", "bsu:8");
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.AgentAsync("highNewer", "bsu", "bsu:8");

        Assert.Equal("highNew", (await acd.EnqueueAsync("c1", "bsu", "bsu:1")).OfferedTo);
        Assert.Equal("highNewer", (await acd.EnqueueAsync("c2", "bsu", "bsu:1")).OfferedTo);
        Assert.Equal("low", (await acd.EnqueueAsync("c3", "bsu", "bsu:1")).OfferedTo);
    }

    [Fact]
    public async Task EnqueueAsync_SkillBelowMinimum_NotOffered()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", "bsu:3");

        var result = await acd.EnqueueAsync("c1", "bsu", "bsu:5");

        Assert.Null(result.OfferedTo);
        Assert.Equal(1, result.Position!.Position);
    }

    [Fact]
    public async Task EnqueueAsync_OlderCallerNeedsSkillAgentLacks_YoungerEligibleCallerTakesAgent()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", "bsu:3", ready: false);
        await acd.EnqueueAsync("hard", "bsu", "bsu:9");
        await acd.EnqueueAsync("easy", "bsu", "bsu:1");

        await acd.Store.ReadyAsync("a1").DefaultTimeout();

        Assert.Equal("easy", await acd.OfferOfAsync("a1"));
    }

    [Fact]
    public async Task EnqueueAsync_Language_PrefersSpeakerThenFallsBackAfterWait()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { LanguageFallbackAfter = TimeSpan.FromSeconds(30) });
        await acd.AgentAsync("sv1", "bsu", languages: "sv");
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.AgentAsync("ar1", "bsu", languages: "sv,ar");

        // sv1 has idled longer, but ar1 speaks the caller's language.
        Assert.Equal("ar1", (await acd.EnqueueAsync("c1", "bsu", language: "ar")).OfferedTo);

        // Nobody left who speaks Arabic: the caller waits until the fallback, then any agent will do.
        Assert.Null((await acd.EnqueueAsync("c2", "bsu", language: "ar")).OfferedTo);
        acd.Time.Advance(TimeSpan.FromSeconds(29));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        Assert.Null(await acd.OfferOfAsync("sv1"));
        acd.Time.Advance(TimeSpan.FromSeconds(1));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        Assert.Equal("c2", await acd.OfferOfAsync("sv1"));
    }

    [Fact]
    public async Task EnqueueAsync_AgentNotMemberOfQueue_NotOffered()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.QueueAsync("assf");
        await acd.AgentAsync("a1", "assf");

        Assert.Null((await acd.EnqueueAsync("c1", "bsu")).OfferedTo);
        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("a1")).State);
    }

    [Fact]
    public async Task PauseAsync_PausedAgent_GetsNoOffers()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.Store.PauseAsync("a1", PauseReason.Meeting).DefaultTimeout();

        Assert.Null((await acd.EnqueueAsync("c1", "bsu")).OfferedTo);
        var status = await acd.AgentStatusAsync("a1");
        Assert.Equal(AgentState.Paused, status.State);
        Assert.Equal(PauseReason.Meeting, status.PauseReason);
    }
}
