using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

public sealed class CallbackStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RequestAsync_ReplacingWaitingCall_KeepsPlaceAheadOfLaterCaller()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu", ready: false);
        await ctx.Acd.EnqueueAsync("early", "bsu");
        ctx.Acd.Time.Advance(TimeSpan.FromMinutes(1));
        await ctx.Acd.EnqueueAsync("later", "bsu");
        var early = await ctx.Acd.Store.GetEntryAsync("early").DefaultTimeout();

        var result = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "070-123 45 67", "+46701234567", "early")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.Created, result.Outcome);
        Assert.Equal(early!.EnqueuedAt, result.Place);
        Assert.Null(await ctx.Acd.Store.GetEntryAsync("early").DefaultTimeout());
        var entry = await ctx.Acd.Store.GetEntryAsync(result.CallbackId!).DefaultTimeout();
        Assert.Equal(QueueEntryKind.Callback, entry!.Kind);
        Assert.Equal("+46701234567", entry.CallbackNumber);
        Assert.Equal(early.EnqueuedAt, entry.EnqueuedAt);

        Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.ReadyAsync("a1").DefaultTimeout());
        Assert.Equal(result.CallbackId, await ctx.Acd.OfferOfAsync("a1"));
    }

    [Fact]
    public async Task RequestAsync_OutsideHours_QueuedOldestFirstAndWorkedWhenAgentsLogIn()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu", o => o with { NoAgents = NoAgentBehaviour.Callback });
        var first = await ctx.RequestAsync("0701234567");
        ctx.Acd.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await ctx.RequestAsync("0702345678");

        await ctx.Acd.AgentAsync("a1", "bsu");

        Assert.Equal(first, await ctx.Acd.OfferOfAsync("a1"));
        var open = await ctx.Callbacks.ListOpenAsync("bsu").DefaultTimeout();
        Assert.Equal([first, second], open.Select(c => c.Id));
    }

    [Fact]
    public async Task RequestAsync_SameNumberTwice_UpdatesTheFirst()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var first = await ctx.RequestAsync("0701234567");

        var second = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "+46 70 123 45 67")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.Updated, second.Outcome);
        Assert.Equal(first, second.CallbackId);
        Assert.Equal(2, (await ctx.GetAsync(first)).Requests);
        Assert.Single(await ctx.Callbacks.ListOpenAsync("bsu").DefaultTimeout());
    }

    [Fact]
    public async Task RequestAsync_SameNumberOtherQueue_IsSeparate()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.QueueAsync("vaxel");

        var a = await ctx.RequestAsync("0701234567", "bsu");
        var b = await ctx.RequestAsync("0701234567", "vaxel");

        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task RequestAsync_OverDailyLimit_RefusedUntilNextDay()
    {
        await using var ctx = new CallbackTestContext(redis.Connection, new CallbackOptions { DailyLimitPerNumber = 2 });
        await ctx.Acd.QueueAsync("bsu");
        for (var i = 0; i < 2; i++)
        {
            var id = await ctx.RequestAsync("0701234567");
            Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.CancelAsync(id, "supervisor").DefaultTimeout());
        }

        var refused = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout();
        Assert.Equal(CallbackRequestOutcome.DailyLimitReached, refused.Outcome);
        Assert.Null(refused.CallbackId);

        ctx.Acd.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CallbackRequestOutcome.Created, (await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).Outcome);
    }

    [Theory]
    [InlineData("0900-123 45 67", PhoneNumberRefusal.PremiumRate)]
    [InlineData("+4712345678", PhoneNumberRefusal.Foreign)]
    [InlineData("112", PhoneNumberRefusal.SpecialNumber)]
    public async Task RequestAsync_InvalidNumber_RefusedAndNothingQueued(string number, PhoneNumberRefusal refusal)
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");

        var result = await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", number)).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.InvalidNumber, result.Outcome);
        Assert.Equal(refusal, result.Validation.Refusal);
        Assert.Empty(await ctx.Callbacks.ListOpenAsync("bsu").DefaultTimeout());
    }

    [Fact]
    public async Task RequestAsync_UnknownQueue_Refused()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);

        var result = await ctx.Callbacks.RequestAsync(new CallbackRequest("nosuch", "0701234567")).DefaultTimeout();

        Assert.Equal(CallbackRequestOutcome.UnknownQueue, result.Outcome);
    }

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "2026-11-24T23:00:00Z")] // Monday -> end of Tuesday (CET)
    [InlineData("2026-11-27T15:00:00Z", "2026-11-30T23:00:00Z")] // Friday -> end of Monday
    [InlineData("2026-11-28T10:00:00Z", "2026-11-30T23:00:00Z")] // Saturday -> end of Monday
    [InlineData("2026-06-15T08:00:00Z", "2026-06-16T22:00:00Z")] // summer time (CEST)
    public async Task ExpiryFor_Default_IsEndOfNextWorkingDay(string now, string expected)
    {
        await using var ctx = new CallbackTestContext(redis.Connection);

        var expiry = ctx.Callbacks.ExpiryFor(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), expiry);
    }

    [Fact]
    public async Task SweepAsync_PastExpiry_ClosesAsExpiredAndLeavesQueue()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("0701234567");
        var expires = (await ctx.GetAsync(id)).ExpiresAt;

        ctx.Acd.Time.SetUtcNow(expires - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Expired);
        ctx.Acd.Time.SetUtcNow(expires + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Expired);

        var entry = await ctx.GetAsync(id);
        Assert.Equal(CallbackState.Closed, entry.State);
        Assert.Equal(CallbackOutcome.Expired, entry.Outcome);
        Assert.Null(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());
        Assert.Equal(CallbackRequestOutcome.Created, (await ctx.Callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).Outcome);
    }

    [Fact]
    public async Task SweepAsync_AfterRetention_DeletesPhoneNumbers()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("0701234567");
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.CompleteAsync(id, "a1", CallbackOutcome.Completed).DefaultTimeout());

        ctx.Acd.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Purged);
        Assert.Equal("+46701234567", (await ctx.GetAsync(id)).Number);

        ctx.Acd.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Purged);
        var purged = await ctx.GetAsync(id);
        Assert.Null(purged.Number);
        Assert.Null(purged.CallerNumber);
        Assert.Equal(CallbackOutcome.Completed, purged.Outcome);
        var values = await redis.Connection.GetDatabase().HashValuesAsync(ctx.Acd.Store.KeyPrefix + "cb:" + id).DefaultTimeout();
        Assert.DoesNotContain(values, v => v.ToString().Contains("701234567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordAttemptAsync_NoAnswerThreeTimes_RetriedAtPlaceThenUnreachable()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu", ready: false);
        var id = await ctx.RequestAsync("0701234567");
        var place = (await ctx.GetAsync(id)).Place;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.ReadyAsync("a1").DefaultTimeout());
            Assert.Equal(id, await ctx.Acd.OfferOfAsync("a1"));
            Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.AcceptAsync("a1", id).DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.BeginAttemptAsync(id, "a1").DefaultTimeout());

            var (result, state) = await ctx.Callbacks.RecordAttemptAsync(id, CallbackOutcome.NoAnswer).DefaultTimeout();

            Assert.Equal(AcdCommandResult.Ok, result);
            Assert.Null(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.PauseAsync("a1", Agents.PauseReason.Meeting).DefaultTimeout());
            if (attempt < 3)
            {
                Assert.Equal(CallbackState.RetryWaiting, state);
                ctx.Acd.Time.Advance(TimeSpan.FromMinutes(9));
                Assert.Equal(0, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Retried);
                ctx.Acd.Time.Advance(TimeSpan.FromMinutes(1));
                Assert.Equal(1, (await ctx.Callbacks.SweepAsync().DefaultTimeout()).Retried);
                var entry = await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout();
                Assert.Equal(place, entry!.EnqueuedAt);
            }
            else
            {
                Assert.Equal(CallbackState.Closed, state);
            }
        }

        var closed = await ctx.GetAsync(id);
        Assert.Equal(CallbackOutcome.Unreachable, closed.Outcome);
        Assert.Equal(3, closed.Attempts);
        Assert.Null(closed.NextAttemptAt);
    }

    [Fact]
    public async Task RecordAttemptAsync_Answered_Closes()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("0701234567");
        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.ClaimAsync(id, "a1").DefaultTimeout());
        Assert.Null(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());

        var (result, state) = await ctx.Callbacks.RecordAttemptAsync(id, CallbackOutcome.Answered).DefaultTimeout();

        Assert.Equal(AcdCommandResult.Ok, result);
        Assert.Equal(CallbackState.Closed, state);
        Assert.Equal(CallbackOutcome.Answered, (await ctx.GetAsync(id)).Outcome);
        Assert.Equal(AcdCommandResult.InvalidState, await ctx.Callbacks.CancelAsync(id).DefaultTimeout());
    }

    [Fact]
    public async Task CancelAsync_Pending_ClosesLeavesQueueAndEmitsEventsWithoutNumber()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var id = await ctx.RequestAsync("0701234567");

        Assert.Equal(AcdCommandResult.Ok, await ctx.Callbacks.CancelAsync(id, "sup1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await ctx.Callbacks.CancelAsync("cb-nosuch").DefaultTimeout());

        Assert.Null(await ctx.Acd.Store.GetEntryAsync(id).DefaultTimeout());
        var stream = await redis.Connection.GetDatabase().StreamRangeAsync(ctx.Acd.Store.EventStreamKey).DefaultTimeout();
        var mine = stream.Where(e => e["call"] == id).ToList();
        Assert.Equal(["callback_requested", "enqueued", "callback_cancelled", "abandoned"], mine.Select(e => e["type"].ToString()));
        Assert.Equal("sup1", mine[2]["agent"].ToString());
        Assert.All(mine.Where(e => e["type"].ToString().StartsWith("callback_", StringComparison.Ordinal)), e =>
            Assert.DoesNotContain(e.Values, v => v.Value.ToString().Contains("701234567", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TakeResumablePlaceAsync_WithinWindow_ReturnsOldPlaceOnce()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        var place = ctx.Acd.Time.GetUtcNow() - TimeSpan.FromMinutes(4);
        await ctx.Callbacks.RememberAbandonedAsync("bsu", "+46701234567", place).DefaultTimeout();
        ctx.Acd.Time.Advance(TimeSpan.FromSeconds(59));

        Assert.Equal(place, await ctx.Callbacks.TakeResumablePlaceAsync("bsu", "070-123 45 67").DefaultTimeout());
        Assert.Null(await ctx.Callbacks.TakeResumablePlaceAsync("bsu", "070-123 45 67").DefaultTimeout());
    }

    [Fact]
    public async Task TakeResumablePlaceAsync_AfterWindowOrOtherQueue_ReturnsNull()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        var place = ctx.Acd.Time.GetUtcNow();
        await ctx.Callbacks.RememberAbandonedAsync("bsu", "+46701234567", place).DefaultTimeout();
        await ctx.Callbacks.RememberAbandonedAsync("vaxel", "+46701234567", place).DefaultTimeout();

        Assert.Null(await ctx.Callbacks.TakeResumablePlaceAsync("other", "+46701234567").DefaultTimeout());
        Assert.Null(await ctx.Callbacks.TakeResumablePlaceAsync("bsu", null).DefaultTimeout());
        ctx.Acd.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(await ctx.Callbacks.TakeResumablePlaceAsync("bsu", "+46701234567").DefaultTimeout());
    }

    [Fact]
    public async Task TakeResumablePlace_ResumedCaller_ServedBeforeLaterCaller()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.AgentAsync("a1", "bsu", ready: false);
        await ctx.Acd.EnqueueAsync("first", "bsu");
        var place = (await ctx.Acd.Store.GetEntryAsync("first").DefaultTimeout())!.EnqueuedAt;
        ctx.Acd.Time.Advance(TimeSpan.FromSeconds(30));
        await ctx.Acd.EnqueueAsync("second", "bsu");
        await ctx.Acd.Store.AbandonAsync("first").DefaultTimeout();
        await ctx.Callbacks.RememberAbandonedAsync("bsu", "+4670first", place).DefaultTimeout();
        ctx.Acd.Time.Advance(TimeSpan.FromSeconds(20));

        var resumed = await ctx.Callbacks.TakeResumablePlaceAsync("bsu", "+4670first").DefaultTimeout();
        await ctx.Acd.Store.EnqueueAsync(AcdTestContext.Call("again", "bsu") with { OriginalEnqueuedAt = resumed }).DefaultTimeout();
        Assert.Equal(AcdCommandResult.Ok, await ctx.Acd.Store.ReadyAsync("a1").DefaultTimeout());

        Assert.Equal("again", await ctx.Acd.OfferOfAsync("a1"));
    }
}
