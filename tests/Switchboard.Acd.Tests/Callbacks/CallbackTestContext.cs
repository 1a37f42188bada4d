using Switchboard.Acd.Callbacks;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Callbacks;

/// <summary>An ACD test context plus a callback store on the same tenant and fake clock.</summary>
internal sealed class CallbackTestContext : IAsyncDisposable
{
    public CallbackTestContext(StackExchange.Redis.IConnectionMultiplexer redis, CallbackOptions? options = null)
    {
        Acd = new AcdTestContext(redis);
        Callbacks = new CallbackStore(redis, Acd.Store, options ?? new CallbackOptions(), Acd.Time);
    }

    public AcdTestContext Acd { get; }

    public CallbackStore Callbacks { get; }

    public async Task<string> RequestAsync(string number, string queue = "bsu", string? replaces = null)
    {
        var result = await Callbacks.RequestAsync(new CallbackRequest(queue, number, "+46701110000", replaces)).DefaultTimeout();
        Assert.True(result.Accepted, result.Outcome + " " + result.Validation.Reason);
        return result.CallbackId!;
    }

    public async Task<CallbackEntry> GetAsync(string id) =>
        await Callbacks.GetAsync(id).DefaultTimeout() ?? throw new InvalidOperationException("no callback " + id);

    public ValueTask DisposeAsync() => Acd.DisposeAsync();
}
