using System.Diagnostics;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Nodes;
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

        var watch = Stopwatch.StartNew();
        while ((await acd.AgentStatusAsync("a1")).State != AgentState.Paused)
        {
            Assert.True(watch.Elapsed < TestTimeouts.Default, "scheduler never fired the offer timeout");
            await Task.Delay(10);
        }

        Assert.Equal(PauseReason.Missed, (await acd.AgentStatusAsync("a1")).PauseReason);
    }
}
