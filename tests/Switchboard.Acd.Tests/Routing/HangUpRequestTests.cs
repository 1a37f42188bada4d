using StackExchange.Redis;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>
/// An agent's hang-up request travels over pub/sub (at most once): <see cref="CallControlStore"/> with the ACD store
/// sends it through <c>HangUpRequest.lua</c>, and the scheduler publishes it again until the call ends.
/// </summary>
public sealed class HangUpRequestTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(3); // AcdOptions.NoticeAckTimeout's default

    [Fact]
    public async Task SendAsync_HangUpOfACallThatStaysUp_SentAgainTwiceThenGivenUp_AndNotAgainOnceTheCallEnded()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.AgentAsync("a2", "bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout(); // the calls' node is alive (it only missed the request)
        await acd.EnqueueAsync("c1", "bsu");
        await acd.EnqueueAsync("c2", "bsu");
        var holders = new Dictionary<string, string>();
        foreach (var call in new[] { "c1", "c2" })
        {
            holders[call] = (await acd.Store.GetEntryAsync(call).DefaultTimeout())!.AgentId!;
            Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync(holders[call], call).DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync(call).DefaultTimeout());
        }

        var keys = new KeySchema(acd.Tenant);
        var control = new CallControlStore(acd.Redis, keys, acd.Store);
        var subscriber = acd.Redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(keys.CallControl).DefaultTimeout();
        try
        {
            Assert.True(await control.SendAsync(new CallControlCommand(CallControlCommand.HangUp, "c1", holders["c1"], "cmd-1")).DefaultTimeout());
            Assert.True(await control.SendAsync(new CallControlCommand(CallControlCommand.HangUp, "c2", holders["c2"], "cmd-2")).DefaultTimeout());
            Assert.Equal(["cmd-1", "cmd-2"], [await NextCommandAsync(queue), await NextCommandAsync(queue)]);

            // c2's node acted (the call ended); c1's missed the request.
            Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallEndedAsync("c2").DefaultTimeout());
            for (var resend = 0; resend < 2; resend++)
            {
                acd.Time.Advance(Resend);
                Assert.Equal(1, await acd.Store.RunDueTimersAsync().DefaultTimeout());
                Assert.Equal("cmd-1", await NextCommandAsync(queue));
            }

            acd.Time.Advance(Resend);
            Assert.Equal(1, await acd.Store.RunDueTimersAsync().DefaultTimeout());
            acd.Time.Advance(Resend * 3);
            Assert.Equal(0, await acd.Store.RunDueTimersAsync().DefaultTimeout());
            // Nothing else was published: the next message is this marker.
            await acd.Redis.GetDatabase().PublishAsync(keys.CallControl, "marker").DefaultTimeout();
            Assert.Equal("marker", (await queue.ReadAsync().AsTask().DefaultTimeout()).Message.ToString());
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }

        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.Equal(2, stream.Count(e => e.Type == AcdEventType.HangUpResent && e.CallId == "c1"));
        Assert.Single(stream, e => e.Type == AcdEventType.HangUpUnacknowledged && e.CallId == "c1");
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.HangUpResent or AcdEventType.HangUpUnacknowledged && e.CallId == "c2");
        Assert.Equal(Agents.AgentState.OnCall, (await acd.AgentStatusAsync(holders["c1"])).State); // the call itself goes on
    }

    [Fact]
    public async Task SendAsync_HangUpThenCallMovedToAQueue_NotSentAgain()
    {
        await using var acd = new AcdTestContext(redis.Connection);
        await acd.QueueAsync("bsu");
        await acd.AgentAsync("a1", "bsu");
        await acd.Store.HeartbeatAsync().DefaultTimeout();
        await acd.EnqueueAsync("c1", "bsu");
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.AcceptAsync("a1", "c1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.CallAnsweredAsync("c1").DefaultTimeout());
        var keys = new KeySchema(acd.Tenant);
        var control = new CallControlStore(acd.Redis, keys, acd.Store);

        await control.SendAsync(new CallControlCommand(CallControlCommand.HangUp, "c1", "a1", "cmd-1")).DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await acd.Store.TransferToQueueAsync("c1", "bsu", []).DefaultTimeout());
        acd.Time.Advance(Resend * 4);
        await acd.Store.RunDueTimersAsync().DefaultTimeout();

        var stream = await acd.Store.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.DoesNotContain(stream, e => e.Type is AcdEventType.HangUpResent or AcdEventType.HangUpUnacknowledged);
    }

    private static async Task<string> NextCommandAsync(ChannelMessageQueue queue)
    {
        var message = await queue.ReadAsync().AsTask().DefaultTimeout();
        return System.Text.Json.JsonSerializer.Deserialize<CallControlCommand>(message.Message.ToString())!.CommandId;
    }
}
