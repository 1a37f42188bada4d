using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>
/// The <c>accepted</c> notice to the call's node is pub/sub (at most once): the node acknowledges it, and until it does
/// the scheduler sends it again (timer <c>accepted|call</c>), then puts the caller back at their place.
/// </summary>
public sealed class AcceptedNoticeTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(3); // AcdOptions.NoticeAckTimeout's default

    [Fact]
    public async Task AcceptAsync_NoticeNeverAcknowledged_SentAgainTwiceThenCallerBackAtPlaceAndAgentReady()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        var events = await acd.OfferedWithCallEventsAsync(cts.Token);
        await acd.EnqueueAsync("c2", "bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout(); // the call's node is alive (it only missed the notice)
        var place = (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.EnqueuedAt;

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());
        var accepted = await NextAsync(events);
        Assert.Equal((CallEventType.Accepted, "c1", "a1"), (accepted.Type, accepted.CallId, accepted.AgentId));

        // Not yet due: nothing sent again.
        acd.Time.Advance(AckTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await acd.Store.RunDueTimersAsync().DefaultTimeout());
        for (var resend = 1; resend <= 2; resend++)
        {
            acd.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, await acd.Store.RunDueTimersAsync().DefaultTimeout());
            var again = await NextAsync(events);
            Assert.Equal(accepted with { At = again.At }, again);
            Assert.Equal(QueueEntryState.Accepted, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);
            acd.Time.Advance(AckTimeout - TimeSpan.FromMilliseconds(1));
        }

        acd.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await acd.Store.RunDueTimersAsync().DefaultTimeout());
        // Requeued, then offered again in the same script (the two may be dispatched in either order).
        CallEvent[] next = [await NextAsync(events), await NextAsync(events)];
        Assert.Single(next, e => (e.Type, e.CallId, e.Reason) == (CallEventType.Requeued, "c1", "unacknowledged"));
        Assert.Single(next, e => (e.Type, e.CallId, e.AgentId) == (CallEventType.Offered, "c1", "a1"));

        // Back at the same place, ahead of c2: the only agent (ready again, no miss counted) is offered c1 again.
        var entry = (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!;
        Assert.Equal(place, entry.EnqueuedAt);
        Assert.Equal((QueueEntryState.Offered, "a1"), (entry.State, entry.AgentId));
        var agent = await acd.AgentStatusAsync("a1");
        Assert.Equal((AgentState.Reserved, "c1", 0), (agent.State, agent.CallId, agent.MissedInRow));
        Assert.Equal(1, (await acd.Store.GetPositionAsync("c2").DefaultTimeout())!.Position);
        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.Equal(2, stream.Count(e => e.Type == AcdEventType.AcceptResent && e.CallId == "c1"));
        Assert.Single(stream, e => e.Type == AcdEventType.AcceptUnacknowledged && e.CallId == "c1" && e.AgentId == "a1");
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.Rejected or AcdEventType.Abandoned or AcdEventType.NodeLost);

        // A late acknowledgement of the first accept is refused: the node must not dial the agent.
        Assert.False(await acd.Store.AcknowledgeAcceptedAsync("c1", "a1").DefaultTimeout());
        Assert.Equal(QueueEntryState.Offered, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);
    }

    [Fact]
    public async Task AcknowledgeAcceptedAsync_FirstCopyTaken_ResentCopiesIgnoredAndNothingSentAgain()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        var events = await acd.OfferedWithCallEventsAsync(cts.Token);
        await acd.Store.HeartbeatAsync().DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());

        Assert.True(await acd.Store.AcknowledgeAcceptedAsync("c1", "a1").DefaultTimeout());
        Assert.False(await acd.Store.AcknowledgeAcceptedAsync("c1", "a1").DefaultTimeout());
        Assert.False(await acd.Store.AcknowledgeAcceptedAsync("c1", "a2").DefaultTimeout());
        Assert.False(await acd.Store.AcknowledgeAcceptedAsync("nosuchcall", "a1").DefaultTimeout());

        acd.Time.Advance(AckTimeout * 4);
        Assert.Equal(0, await acd.Store.RunDueTimersAsync().DefaultTimeout());
        Assert.Equal(QueueEntryState.Accepted, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.AcceptResent or AcdEventType.AcceptUnacknowledged);
        await cts.CancelAsync();
        await events.DisposeAsync();
    }

    [Fact]
    public async Task RunDueTimersAsync_AnsweredOrRejectedBeforeAcknowledged_NoticeNotSentAgain()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.AgentAsync("a2", "bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        var first = (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.AgentId!;
        var second = (await acd.Store.GetEntryAsync("c2").DefaultTimeout())!.AgentId!;
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync(first, "c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync(second, "c2").DefaultTimeout());

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.RejectAsync(second, "c2").DefaultTimeout());

        acd.Time.Advance(AckTimeout * 4);
        await acd.Store.RunDueTimersAsync().DefaultTimeout();
        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.AcceptResent or AcdEventType.AcceptUnacknowledged);
        Assert.Equal(QueueEntryState.Answered, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);
    }

    [Fact]
    public async Task RunDueTimersAsync_CallsNodeDead_LeftToTheSweepWhichDropsItAsNodeLost()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        var other = acd.AddNode("node-b");
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");
        await acd.Redis.GetDatabase().KeyDeleteAsync(new KeySchema(acd.Tenant).Prefix + "node:node-a").DefaultTimeout(); // its heartbeat lapsed
        Assert.Equal(AcdCommandResult.Ok, await other.AcceptAsync("a1", "c1").DefaultTimeout());

        acd.Time.Advance(AckTimeout);
        var round = await other.RunSchedulerRoundAsync().DefaultTimeout();

        Assert.Equal(1, round.Swept);
        Assert.Null(await acd.Store.GetEntryAsync("c1").DefaultTimeout());
        Assert.Equal(AgentState.Ready, (await acd.AgentStatusAsync("a1")).State);
        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.Single(stream, e => e.Type == AcdEventType.NodeLost && e.CallId == "c1");
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.AcceptResent or AcdEventType.AcceptUnacknowledged);
    }

    [Fact]
    public async Task AcceptAsync_SameAgentRetriesWithNewOperation_OkWithoutASecondAccept()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.AgentAsync("a2", "bsu", ready: false);
        await acd.EnqueueAsync("c1", "bsu");

        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());
        // The agent's client timed out and sends AcceptOffer again (a new store call, a new operation id).
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.InvalidState, await acd.Store.AcceptAsync("a2", "c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());

        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.Single(stream, e => e.Type == AcdEventType.Accepted);
        Assert.Single(stream, e => e.Type == AcdEventType.AgentStateChanged && e.AgentId == "a1" && e.Fields["state"] == "OnCall");
        Assert.Equal(QueueEntryState.Answered, (await acd.Store.GetEntryAsync("c1").DefaultTimeout())!.State);
    }

    private static async Task<CallEvent> NextAsync(IAsyncEnumerator<CallEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().DefaultTimeout());
        return events.Current;
    }
}
