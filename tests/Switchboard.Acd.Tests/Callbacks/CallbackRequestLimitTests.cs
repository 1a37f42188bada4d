using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

/// <summary>
/// Limits per calling number and overall on callback requests (issue 15 item 5): one caller cannot queue callbacks to
/// many numbers, and a flood cannot queue without bound; the per-caller count is kept under the caller's keyed hash.
/// </summary>
public sealed class CallbackRequestLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RequestAsync_OneCallerManyNumbers_RefusedPastThePerCallerLimitUntilTheNextDay()
    {
        await using var ctx = new CallbackTestContext(redis.Connection, new CallbackOptions { DailyLimitPerCaller = 3 });
        await ctx.Acd.QueueAsync("bsu");
        for (var i = 0; i < 3; i++)
        {
            var accepted = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", $"070123456{i}", "0709999999")).DefaultTimeout();
            Assert.Equal(CallbackRequestOutcome.Created, accepted.Outcome);
        }

        var refused = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234569", "+46709999999")).DefaultTimeout();
        var otherCaller = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234569", "0708888888")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.CallerLimitReached, refused.Outcome);
        Assert.Null(refused.CallbackId);
        Assert.Equal(CallbackRequestOutcome.Created, otherCaller.Outcome);
        var keys = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: ctx.Acd.Store.Keys.Prefix + "cbcaller:*").Select(k => k.ToString()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.DoesNotContain(keys, k => k.Contains("709999999", StringComparison.Ordinal));

        ctx.Acd.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CallbackRequestOutcome.Created, (await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234568", "0709999999")).DefaultTimeout()).Outcome);
    }

    [Fact]
    public async Task RequestAsync_PastTheOverallLimit_RefusedForEveryone()
    {
        await using var ctx = new CallbackTestContext(redis.Connection, new CallbackOptions { DailyLimitTotal = 2 });
        await ctx.Acd.QueueAsync("bsu");
        await ctx.RequestAsync("0701234561");
        await ctx.RequestAsync("0701234562");

        var refused = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234563")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.OverallLimitReached, refused.Outcome);
        var events = await ctx.Acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        Assert.Contains(events, e => e.Fields.TryGetValue("reason", out var reason) && reason == "OverallLimitReached");
    }

    [Fact]
    public async Task RequestAsync_RepeatOfAnOpenRequest_NotCountedAgainstTheCaller()
    {
        await using var ctx = new CallbackTestContext(redis.Connection, new CallbackOptions { DailyLimitPerCaller = 1 });
        await ctx.Acd.QueueAsync("bsu");
        Assert.Equal(CallbackRequestOutcome.Created, (await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567", "0701234567")).DefaultTimeout()).Outcome);

        var again = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567", "0701234567")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.Updated, again.Outcome);
    }
}
