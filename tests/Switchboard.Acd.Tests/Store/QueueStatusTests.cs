using Switchboard.Acd.Agents;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class QueueStatusTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task GetQueueStatusAsync_MixedAgentsAndCallers_CountsEach()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu", "bsu:1");
        await acd.AgentAsync("a2", "bsu", "bsu:1", ready: false);
        await acd.Store.PauseAsync("a2", PauseReason.Lunch).DefaultTimeout();
        await acd.AgentAsync("a3", "bsu", ready: false);
        var firstPlace = acd.Time.GetUtcNow();
        await acd.EnqueueAsync("hard1", "bsu", "bsu:9");
        await acd.EnqueueAsync("hard2", "bsu", "bsu:9");

        var status = await acd.Store.GetQueueStatusAsync("bsu").DefaultTimeout();

        Assert.Equal(2, status.Waiting);
        Assert.Equal(firstPlace, status.OldestPlace);
        Assert.Equal(2, status.AgentsLoggedIn);
        Assert.Equal(1, status.AgentsStaffed);
        Assert.Equal(1, status.AgentsReady);
        var agents = await acd.Store.ListAgentsAsync().DefaultTimeout();
        Assert.Equal(["a1", "a2", "a3"], agents.Select(a => a.Agent.Id));
        Assert.Equal([AgentState.Ready, AgentState.Paused, AgentState.LoggedOut], agents.Select(a => a.State));
    }
}
