using Switchboard.Acd.Agents;
using Switchboard.Acd.Nodes;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Nodes;

public sealed class AcdSchedulerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Start_FakeTimeAdvancedPastOfferTimeout_SchedulerReoffersWithoutManualTick()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(5), MaxNoAnswer = 1 });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        await using var scheduler = new AcdScheduler(acd.Store, acd.Time);
        scheduler.Start();

        acd.Time.Advance(TimeSpan.FromSeconds(6));

        await UntilMissedAsync(acd, "a1");
    }

    [Fact]
    public async Task RunSchedulerRoundAsync_OfferArmed_HeartbeatsAndReportsTheEarliestTimer()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(5) });
        await acd.AgentAsync("a1", "bsu");
        var idle = await acd.Store.RunSchedulerRoundAsync().DefaultTimeout();
        var offered = acd.Time.GetUtcNow();
        await acd.EnqueueAsync("c1", "bsu");

        var round = await acd.Store.RunSchedulerRoundAsync().DefaultTimeout();

        Assert.Equal(new SchedulerRound(0, 0, null), idle);
        Assert.Equal(new SchedulerRound(0, 0, offered.AddSeconds(5)), round);
        var ttl = (long)await redis.Connection.GetDatabase().ExecuteAsync("PTTL", acd.Store.KeyPrefix + "node:node-a").DefaultTimeout();
        Assert.InRange(ttl, 1, 10_000);
    }

    [Fact]
    public async Task Start_TimerArmedOnAnotherNodeWhileAsleep_NoticeWakesItBeforeItsSafetyTick()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(5), MaxNoAnswer = 1 });
        await acd.AgentAsync("a1", "bsu");
        var sleeper = acd.AddNode("node-b", heartbeatTtl: TimeSpan.FromHours(1), schedulerInterval: TimeSpan.FromMinutes(10));
        await using var scheduler = new AcdScheduler(sleeper, acd.Time);
        scheduler.Start();
        await Eventually.UntilAsync(() => scheduler.Rounds >= 1, "the scheduler's first round");

        // Node A offers c1 (its offer timer becomes the earliest: published); node B sleeps for ten minutes unless told.
        await acd.EnqueueAsync("c1", "bsu");
        acd.Time.Advance(TimeSpan.FromSeconds(6));

        await UntilMissedAsync(acd, "a1");
        Assert.True(scheduler.Rounds >= 2);
    }

    [Fact]
    public async Task Start_TimerArmedWithoutNotice_SafetyTickFiresIt()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { OfferTimeout = TimeSpan.FromSeconds(5), MaxNoAnswer = 1 });
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");
        var timers = acd.Store.KeyPrefix + "timers";
        var db = redis.Connection.GetDatabase();
        var offer = Assert.Single(await db.SortedSetRangeByRankWithScoresAsync(timers).DefaultTimeout());
        Assert.True(await db.SortedSetRemoveAsync(timers, offer.Element).DefaultTimeout());
        var node = acd.AddNode("node-b", heartbeatTtl: TimeSpan.FromHours(1), schedulerInterval: TimeSpan.FromSeconds(30));
        await using var scheduler = new AcdScheduler(node, acd.Time);
        scheduler.Start();
        await Eventually.UntilAsync(() => scheduler.Rounds >= 1, "the scheduler's first round");

        // The timer comes back as if its notice were lost: only the 30 s safety tick finds it.
        Assert.True(await db.SortedSetAddAsync(timers, offer.Element, offer.Score).DefaultTimeout());
        Assert.Equal(TimeSpan.FromSeconds(30), scheduler.SafetyTick);
        acd.Time.Advance(TimeSpan.FromSeconds(31));

        await UntilMissedAsync(acd, "a1");
    }

    [Fact]
    public void SafetyTick_LongerThanAThirdOfTheHeartbeatTtl_IsCutToIt()
    {
        var store = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), HeartbeatTtl = TimeSpan.FromSeconds(3), SchedulerInterval = TimeSpan.FromSeconds(2) }, TimeProvider.System);

        Assert.Equal(TimeSpan.FromSeconds(1), new AcdScheduler(store, TimeProvider.System).SafetyTick);
    }

    private static async Task UntilMissedAsync(AcdTestContext acd, string agent)
    {
        await Eventually.UntilAsync(async () => (await acd.AgentStatusAsync(agent)).State == AgentState.Paused, $"the scheduler fired the offer timeout ({agent} paused)");

        Assert.Equal(PauseReason.Missed, (await acd.AgentStatusAsync(agent)).PauseReason);
    }
}
