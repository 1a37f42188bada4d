using System.Security.Cryptography;
using System.Text;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

/// <summary>
/// Callback dialling state on a real redis-server with a fake clock: the agent's phone not answering, a node lost
/// mid-attempt, hand claims, the accepting node taking a callback over, and the caller hash in the event stream.
/// </summary>
public sealed class CallbackDialStateTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ReleaseAttemptAsync_AgentPhoneNotAnswered_BackAtItsPlaceAndAttemptNotCounted()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu");
        var id = await ctx.RequestAsync("0701234567");
        var place = (await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout())!.EnqueuedAt;
        Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.AcceptAsync("a1", id).DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.BeginAttemptAsync(id, "a1").DefaultTimeout());
        ctx.Acd.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.ReleaseAttemptAsync(id, "a1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.RejectAsync("a1", id).DefaultTimeout());

        var callback = await ctx.GetAsync(id);
        Assert.Equal((CallbackState.Pending, 0), (callback.State, callback.Attempts));
        var entry = await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout();
        Assert.Equal(place, entry!.EnqueuedAt);
        var types = (await ctx.Acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout()).Where(e => e.CallId == id).Select(e => e.Type).ToList();
        Assert.Contains(AcdEventType.CallbackAgentMissed, types);
    }

    [Fact]
    public async Task SweepAsync_DiallingLongerThanStaleAfter_AttemptFailedAndAgentFreed()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu");
        var id = await ctx.RequestAsync("0701234567");
        Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.AcceptAsync("a1", id).DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.BeginAttemptAsync(id, "a1").DefaultTimeout());

        ctx.Acd.Time.Advance(TimeSpan.FromMinutes(4));
        await ctx.Callbacks.SweepAsync().DefaultTimeout();
        Assert.Equal(CallbackState.Dialling, (await ctx.GetAsync(id)).State);

        ctx.Acd.Time.Advance(TimeSpan.FromMinutes(2)); // past DiallingStaleAfter (5 min): the dialling node is taken as lost
        await ctx.Callbacks.SweepAsync().DefaultTimeout();

        var callback = await ctx.GetAsync(id);
        Assert.Equal((CallbackState.RetryWaiting, CallbackOutcome.Failed, 1), (callback.State, callback.Outcome, callback.Attempts));
        Assert.Equal(AgentState.Ready, (await ctx.Acd.AgentStatusAsync("a1")).State);
    }

    [Fact]
    public async Task SweepAsync_ClaimedByHand_NotTimedOutUntilTheAgentEndsIt()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("0701234567");
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.ClaimAsync(id, "a1").DefaultTimeout());

        ctx.Acd.Time.Advance(TimeSpan.FromHours(2));
        await ctx.Callbacks.SweepAsync().DefaultTimeout();
        Assert.Equal(CallbackState.Dialling, (await ctx.GetAsync(id)).State);
        Assert.Null(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());

        var (result, state) = await ctx.Callbacks.RecordAttemptAsync(id, CallbackOutcome.Busy).DefaultTimeout();
        Assert.Equal((AcdCommandResult.Ok, CallbackState.RetryWaiting), (result, state));
        ctx.Acd.Time.Advance(new CallbackOptions().RetryInterval);
        await ctx.Callbacks.SweepAsync().DefaultTimeout();
        Assert.Equal(CallbackState.Pending, (await ctx.GetAsync(id)).State);
        Assert.NotNull(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());
    }

    [Fact]
    public async Task AcceptAsync_CallbackQueuedByAnotherNode_AcceptingNodeGetsAcceptedAndLaterEvents()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu", ready: false);
        var id = await ctx.RequestAsync("0701234567"); // queued by node-a (ctx.Acd.Store), which then dies
        var nodeB = ctx.Acd.AddNode("node-b");
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var atA = ctx.Acd.Store.SubscribeCallsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var atB = nodeB.SubscribeCallsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var nextA = atA.MoveNextAsync().AsTask();
        var nextB = atB.MoveNextAsync();
        await ctx.Acd.Store.EnsureCallSubscriptionAsync().DefaultTimeout();
        await nodeB.EnsureCallSubscriptionAsync().DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await nodeB.ReadyAsync("a1").DefaultTimeout());

        Assert.Equal(AcdCommandResult.Ok, await nodeB.AcceptAsync("a1", id).DefaultTimeout());

        Assert.True(await nextB.AsTask().DefaultTimeout());
        Assert.Equal((CallEventType.Accepted, id), (atB.Current.Type, atB.Current.CallId));
        Assert.Equal(AcdCommandResult.Ok, await nodeB.RejectAsync("a1", id).DefaultTimeout());
        Assert.True(await atB.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(CallEventType.Requeued, atB.Current.Type);
        Assert.False(nextA.IsCompleted, "the node that queued the callback got its events");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => nextA).DefaultTimeout();
    }

    [Fact]
    public async Task AcceptAsync_LiveCall_StillGoesToTheOwningNode()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu");
        var nodeB = ctx.Acd.AddNode("node-b");
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await using var atA = ctx.Acd.Store.SubscribeCallsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var nextA = atA.MoveNextAsync();
        await ctx.Acd.Store.EnsureCallSubscriptionAsync().DefaultTimeout();
        await ctx.Acd.EnqueueAsync("c1", "bsu");

        Assert.True(await nextA.AsTask().DefaultTimeout());
        Assert.Equal((CallEventType.Offered, "c1"), (atA.Current.Type, atA.Current.CallId)); // the owning node sees the offer
        Assert.Equal(AcdCommandResult.Ok, await nodeB.AcceptAsync("a1", "c1").DefaultTimeout());

        Assert.True(await atA.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal((CallEventType.Accepted, "c1"), (atA.Current.Type, atA.Current.CallId));
    }

    [Fact]
    public async Task EnqueueAsync_EventStreamHasCallerHashNeverTheNumber()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.Store.EnqueueAsync(new EnqueueRequest("c1", "bsu", [], null, 0, "070-111 00 00")).DefaultTimeout();
        await ctx.Acd.Store.EnqueueAsync(new EnqueueRequest("c2", "bsu", [], null, 0, "+46701110000")).DefaultTimeout();
        await ctx.Acd.Store.EnqueueAsync(new EnqueueRequest("c3", "bsu", [], null, 0, "+46702220000")).DefaultTimeout();
        var callback = await ctx.RequestAsync("0703330000"); // caller +46701110000 (the test context's caller number)

        var events = await ctx.Acd.Store.ReadEventsAsync(null, 1000).DefaultTimeout();
        var enqueued = events.Where(e => e.Type == AcdEventType.Enqueued).ToDictionary(e => e.CallId!);
        Assert.All(enqueued.Values, e => Assert.False(e.Fields.ContainsKey("caller")));
        Assert.Equal(enqueued["c1"].Fields["caller_hash"], enqueued["c2"].Fields["caller_hash"]); // same number, written two ways
        Assert.NotEqual(enqueued["c1"].Fields["caller_hash"], enqueued["c3"].Fields["caller_hash"]);
        Assert.Equal(enqueued["c2"].Fields["caller_hash"], enqueued[callback].Fields["caller_hash"]);
        Assert.Equal(64, enqueued["c1"].Fields["caller_hash"].Length);
        Assert.DoesNotContain(events.SelectMany(e => e.Fields.Values), v => v.Contains("701110000", StringComparison.Ordinal) || v.Contains("702220000", StringComparison.Ordinal) || v.Contains("703330000", StringComparison.Ordinal));

        // The key is per installation (kept in Redis), not a plain hash of the number.
        var key = (string)(await redis.Connection.GetDatabase().StringGetAsync(ctx.Acd.Store.KeyPrefix + "callerkey").DefaultTimeout())!;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes("+46701110000")));
        Assert.Equal(expected, enqueued["c1"].Fields["caller_hash"]);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("+46701110000"))), expected);
    }

    [Fact]
    public async Task EnqueueAsync_ConfiguredHashKey_UsedInsteadOfTheRedisKey()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = tenant, NodeId = "n1", CallerHashKey = "a-configured-secret-0123" }, TimeProvider.System);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();

        await acd.EnqueueAsync(new EnqueueRequest("c1", "bsu", [], null, 0, "+46701110000")).DefaultTimeout();

        var e = Assert.Single(await acd.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == AcdEventType.Enqueued);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("a-configured-secret-0123"), Encoding.UTF8.GetBytes("+46701110000")));
        Assert.Equal(expected, e.Fields["caller_hash"]);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(acd.KeyPrefix + "callerkey").DefaultTimeout());
    }

    [Fact]
    public void CallerHasher_AnonymousCaller_EmptyAndShortKeyRefused()
    {
        var hasher = new CallerHasher(new byte[32]);

        Assert.Equal(string.Empty, hasher.Hash(null));
        Assert.Equal(string.Empty, hasher.Hash("  "));
        Assert.Throws<ArgumentException>(() => new CallerHasher(new byte[8]));
    }
}
