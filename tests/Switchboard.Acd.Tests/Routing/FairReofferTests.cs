using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>A missed offer goes to another eligible ready agent before the same agent again; the caller keeps their place.</summary>
public sealed class FairReofferTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RejectAsync_BetterSkilledAgentRejectsWhileColleagueReady_ColleagueOfferedNext()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("expert", "bsu", "bsu:9");
        await acd.EnqueueAsync("c1", "bsu", "bsu:1");
        await acd.AgentAsync("novice", "bsu", "bsu:2");
        Assert.Equal("c1", await acd.OfferOfAsync("expert"));

        await acd.Store.RejectAsync("expert", "c1").DefaultTimeout();

        // Without the rule the expert (level 9, ready again) would win the match at once.
        Assert.Equal("c1", await acd.OfferOfAsync("novice"));
        Assert.Null(await acd.OfferOfAsync("expert"));
        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("expert")).State);
    }

    [Fact]
    public async Task RunDueTimersAsync_BetterSkilledAgentLetsOfferTimeOut_ColleagueOfferedNextAndPlaceKept()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(20) });
        await acd.AgentAsync("expert", "bsu", "bsu:9");
        await acd.EnqueueAsync("c1", "bsu", "bsu:1");
        var place = (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.EnqueuedAt;
        Assert.Equal("c1", await acd.OfferOfAsync("expert"));
        await acd.AgentAsync("novice", "bsu", "bsu:2");

        acd.Time.Advance(TimeSpan.FromSeconds(20));
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        Assert.Equal("c1", await acd.OfferOfAsync("novice"));
        Assert.Equal(place, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.EnqueuedAt);
        var events = await acd.Store.ReadEventsAsync(null, 200).DefaultTimeout();
        Assert.Equal(["expert", "novice"], events.Where(e => e.Type == AcdEventType.Offered && e.CallId == "c1").Select(e => e.AgentId));
    }

    [Fact]
    public async Task RejectAsync_BothAgentsMissedTheCaller_LongestAgoMissOfferedFirst()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("expert", "bsu", "bsu:9");
        await acd.EnqueueAsync("c1", "bsu", "bsu:1");
        await acd.AgentAsync("novice", "bsu", "bsu:2");
        await acd.Store.RejectAsync("expert", "c1").DefaultTimeout();
        Assert.Equal("c1", await acd.OfferOfAsync("novice"));

        await acd.Store.RejectAsync("novice", "c1").DefaultTimeout();

        // Both missed c1 and both are ready: the expert's miss is the older one, so c1 goes back to the expert.
        Assert.Equal("c1", await acd.OfferOfAsync("expert"));
        await acd.EnqueueAsync("c2", "bsu", "bsu:1");
        Assert.Equal("c2", await acd.OfferOfAsync("novice"));
    }

    [Fact]
    public async Task RejectAsync_OnlyAgentRejects_SameAgentOfferedAgainAndNothingLeftBehindWhenTheCallEnds()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await acd.Store.RejectAsync("a1", "c1").DefaultTimeout();
        Assert.Equal("c1", await acd.OfferOfAsync("a1"));

        await acd.CompleteAsync("a1", "c1");

        Assert.False(await acd.Redis.GetDatabase().KeyExistsAsync($"sb:{{{acd.Tenant}}}:missedby").DefaultTimeout());
    }
}
