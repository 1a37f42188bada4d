using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Privacy;
using Switchboard.Acd.Tests.Callbacks;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Privacy;

/// <summary>A data subject's request on a real redis-server: every key holding one number found, and deleted where allowed.</summary>
public sealed class DataSubjectStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task FindThenDelete_ClosedAndOpenCallbacks_PerNumberKeysAndClosedNumbersGoneOpenOneKept()
    {
        await using var ctx = new CallbackTestContext(redis.Connection);
        await ctx.Acd.QueueAsync("bsu");
        await ctx.Acd.QueueAsync("bbmt");
        var closed = await ctx.RequestAsync("0701234567");
        Assert.Equal(Switchboard.Acd.Store.AcdCommandResult.Ok, await ctx.Callbacks.CancelAsync(closed, "sara").DefaultTimeout());
        var open = await ctx.RequestAsync("0701234567", "bbmt");
        var other = await ctx.RequestAsync("0709876543");
        var store = new DataSubjectStore(redis.Connection, ctx.Acd.Store.Keys);

        var found = await store.FindAsync(DataSubjectStore.Normalise("070-123 45 67")!).DefaultTimeout();

        Assert.Contains(found, f => f.Kind == "callback" && f.Key.EndsWith(":cb:" + closed, StringComparison.Ordinal) && !f.Open);
        Assert.Contains(found, f => f.Kind == "callback" && f.Key.EndsWith(":cb:" + open, StringComparison.Ordinal) && f.Open);
        Assert.Contains(found, f => f.Kind == "key name" && f.Key.Contains("cbday:", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Key.Contains(other, StringComparison.Ordinal));

        // An open callback holds the number: nothing is deleted until it is cancelled.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.DeleteAsync(found)).DefaultTimeout();
        Assert.Equal("+46701234567", (await ctx.Callbacks.GetAsync(open).DefaultTimeout())!.Number);
        Assert.Equal(Switchboard.Acd.Store.AcdCommandResult.Ok, await ctx.Callbacks.CancelAsync(open, "sara").DefaultTimeout());

        await store.DeleteAsync(await store.FindAsync("+46701234567").DefaultTimeout()).DefaultTimeout();

        Assert.Empty(await store.FindAsync("+46701234567").DefaultTimeout());
        Assert.True(string.IsNullOrEmpty((await ctx.Callbacks.GetAsync(closed).DefaultTimeout())!.Number));
        Assert.Equal("+46709876543", (await ctx.Callbacks.GetAsync(other).DefaultTimeout())!.Number);
    }
}
