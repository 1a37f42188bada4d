using Microsoft.Extensions.Time.Testing;
using Switchboard.Acd.Live;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Live;

/// <summary>The audit trail is kept by time (retention), never trimmed by count, on a real redis-server.</summary>
public sealed class AuditStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AppendAsync_RecordOlderThanRetention_RemovedWhenTheNextIsAppended()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var audit = new AuditStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), time, new AuditOptions { Retention = TimeSpan.FromDays(365) });
        await audit.AppendAsync("sara", "callback.list", "bsu: 2 callbacks").DefaultTimeout();
        time.Advance(TimeSpan.FromDays(300));
        await audit.AppendAsync("sara", "dialplan.publish", "version 2").DefaultTimeout();
        Assert.Equal(2, (await audit.ReadLatestAsync(10).DefaultTimeout()).Count);

        time.Advance(TimeSpan.FromDays(66));
        await audit.AppendAsync("sara", "dialplan.publish", "version 3").DefaultTimeout();

        // The first record is past 365 days on the clock and gone; the 300-day-old one stays.
        Assert.Equal(["version 3", "version 2"], (await audit.ReadLatestAsync(10).DefaultTimeout()).Select(e => e.Details));
    }

    [Fact]
    public async Task AppendAsync_ManyRecordsInABurst_NoneDropped()
    {
        var audit = new AuditStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), TimeProvider.System);
        var first = await audit.AppendAsync("anna", "callback.list", "first").DefaultTimeout();
        for (var i = 0; i < 2_000; i++)
        {
            await audit.AppendAsync("anna", "callback.list", "burst").DefaultTimeout();
        }

        Assert.Equal(2_001, (await audit.ReadLatestAsync(5_000).DefaultTimeout()).Count);
        Assert.Equal(first.Id, (await audit.ReadLatestAsync(5_000).DefaultTimeout())[^1].Id);
    }
}
