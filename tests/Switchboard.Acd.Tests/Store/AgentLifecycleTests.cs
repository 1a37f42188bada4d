using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class AgentLifecycleTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task LogoutAsync_ReadyAgent_GetsNoOffersAndQueueCountsNobodyLoggedIn()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu", o => o with { NoAgents = NoAgentBehaviour.Closed });
        await acd.AgentAsync("a1", "bsu");

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.LogoutAsync("a1").DefaultTimeout());

        Assert.Equal(EnqueueOutcome.Closed, (await acd.EnqueueAsync("c1", "bsu")).Outcome);
        Assert.Equal(AgentState.LoggedOut, (await acd.AgentStatusAsync("a1")).State);
    }

    [Fact]
    public async Task LogoutAsync_HoldingOffer_InvalidState()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.LogoutAsync("a1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.PauseAsync("a1", PauseReason.Lunch).DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await acd.Store.ReadyAsync("nobody").DefaultTimeout());
    }

    [Fact]
    public async Task RegisterAgentAsync_ReadyAgentJoinsQueue_TakesWaitingCallerThere()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.QueueAsync("assf");
        await acd.AgentAsync("a1", "bsu");
        await acd.EnqueueAsync("c1", "assf");

        await acd.AgentAsync("a1", "bsu,assf", ready: false);

        Assert.Equal("c1", await acd.OfferOfAsync("a1"));
        var status = await acd.AgentStatusAsync("a1");
        Assert.Equal(["bsu", "assf"], status.Agent.Queues);
        Assert.Equal("sip:a1@127.0.0.1", status.Agent.PhoneUser);
    }

    [Fact]
    public async Task ReadyAsync_StateChanges_AppendedWithReason()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.Store.PauseAsync("a1", PauseReason.Training).DefaultTimeout();

        var events = await acd.Store.ReadEventsAsync(null, 100).DefaultTimeout();
        var states = events.Where(e => e.Type == AcdEventType.AgentStateChanged && e.AgentId == "a1").ToList();

        Assert.Equal(["Ready", "Paused"], states.Select(e => e.Fields["state"]));
        Assert.Equal("Training", states[1].Fields["reason"]);
        Assert.Equal(acd.Time.GetUtcNow(), states[1].At);
    }

    [Fact]
    public async Task SubscribeAgentAsync_MalformedMessageOnChannel_IgnoredAndLaterEventsDelivered()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var events = acd.Store.SubscribeAgentAsync("a1", cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync();
        var channel = StackExchange.Redis.RedisChannel.Literal(acd.Store.KeyPrefix + "agent-events");

        await redis.Connection.GetSubscriber().PublishAsync(channel, "{not json").DefaultTimeout();
        await redis.Connection.GetSubscriber().PublishAsync(channel, "{\"t\":\"bogus\",\"agent\":\"a1\"}").DefaultTimeout();
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
    }

    [Fact]
    public void AcdEventParser_UnknownType_Unknown()
    {
        Assert.Equal(AcdEventType.Unknown, AcdEventParser.ParseType("something-new"));
        Assert.Equal(AcdEventType.OfferTimedOut, AcdEventParser.ParseType("offer_timeout"));
    }
}
