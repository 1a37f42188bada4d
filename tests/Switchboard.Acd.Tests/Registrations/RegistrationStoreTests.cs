using Microsoft.Extensions.Time.Testing;
using Switchboard.Acd.Registrations;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Registrations;

/// <summary>The registrar's Redis location service against a real redis-server: one script per REGISTER.</summary>
public sealed class RegistrationStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Aor = "sip:anna@example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly KeySchema _keys = new(RedisServerFixture.NewKeyPrefix());

    [Fact]
    public async Task UpdateAsync_AddsRefreshesAndRemoves_ReturningTheLiveBindings()
    {
        var store = new RegistrationStore(redis.Connection, _keys, _time);

        var first = await store.UpdateAsync(Aor, false, [("sip:anna@10.0.0.1", Record("sip:anna@10.0.0.1", 60)), ("sip:anna@10.0.0.2", Record("sip:anna@10.0.0.2", 3600))]).DefaultTimeout();
        Assert.Equal(["sip:anna@10.0.0.1", "sip:anna@10.0.0.2"], first.Select(b => b.Contact).Order());

        var refreshed = await store.UpdateAsync(Aor, false, [("sip:anna@10.0.0.1", Record("sip:anna@10.0.0.1", 120, cseq: 2)), ("sip:anna@10.0.0.2", null)]).DefaultTimeout();
        var binding = Assert.Single(refreshed);
        Assert.Equal(2, binding.CSeq);
        Assert.Equal(_time.GetUtcNow().AddSeconds(120), binding.ExpiresAt);
        Assert.Equal(refreshed, await store.GetAsync(Aor).DefaultTimeout());

        // The key lives as long as its longest binding (3,600 s were asked for before the removal).
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(_keys.Registration(Aor)).DefaultTimeout();
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(3000), TimeSpan.FromSeconds(3600));
    }

    [Fact]
    public async Task UpdateAsync_DropsExpiredBindings_AndRemoveAllClearsTheAor()
    {
        var store = new RegistrationStore(redis.Connection, _keys, _time);
        await store.UpdateAsync(Aor, false, [("sip:anna@10.0.0.1", Record("sip:anna@10.0.0.1", 60))]).DefaultTimeout();
        _time.Advance(TimeSpan.FromSeconds(61));

        var later = await store.UpdateAsync(Aor, false, [("sip:anna@10.0.0.3", Record("sip:anna@10.0.0.3", 60))]).DefaultTimeout();
        Assert.Equal("sip:anna@10.0.0.3", Assert.Single(later).Contact);
        Assert.Equal(1, await redis.Connection.GetDatabase().HashLengthAsync(_keys.Registration(Aor)).DefaultTimeout()); // the expired one is gone from Redis too

        var cleared = await store.UpdateAsync(Aor, true, []).DefaultTimeout();
        Assert.Empty(cleared);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(_keys.Registration(Aor)).DefaultTimeout());

        var query = await store.UpdateAsync(Aor, false, []).DefaultTimeout(); // a REGISTER without Contact: a query
        Assert.Empty(query);
    }

    private RegistrationRecord Record(string contact, int seconds, long cseq = 1) =>
        new(Aor, contact, _time.GetUtcNow().AddSeconds(seconds), "call-1@phone", cseq, "Udp", "127.0.0.1:5062");
}
