using Microsoft.Extensions.Time.Testing;
using Switchboard.Acd.Store;
using Switchboard.Acd.Web;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Web;

/// <summary>Browser sessions and the sign-in counter on a real redis-server.</summary>
public sealed class WebSessionStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static WebSession Session(DateTimeOffset expires) =>
        new("sara", ["supervisor"], "static", WebSessionStore.Hash("supervisor-token-0123456789"), Start, expires, "csrf-token-value");

    [Fact]
    public async Task CreateAsync_ThenFind_SameSessionUnderARandomIdNotStoredAsAKey()
    {
        var keys = new KeySchema(RedisServerFixture.NewKeyPrefix());
        var store = new WebSessionStore(redis.Connection, keys, new FakeTimeProvider(Start));

        var id = await store.CreateAsync(Session(Start.AddHours(10))).DefaultTimeout();
        var other = await store.CreateAsync(Session(Start.AddHours(10))).DefaultTimeout();
        var found = await store.FindAsync(id).DefaultTimeout();

        Assert.NotEqual(id, other);
        Assert.Equal(43, id.Length);
        Assert.NotNull(found);
        Assert.Equal("sara", found.Subject);
        Assert.Equal(["supervisor"], found.Roles);
        Assert.Equal("csrf-token-value", found.Csrf);
        Assert.Equal(Start.AddHours(10), found.ExpiresAt);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(keys.WebSession(id)).DefaultTimeout(), "the id itself is not a key name");
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(keys.WebSession(WebSessionStore.Hash(id))).DefaultTimeout();
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(9.9), TimeSpan.FromHours(10));
    }

    [Fact]
    public async Task FindAsync_AfterItsEnd_None()
    {
        var time = new FakeTimeProvider(Start);
        var store = new WebSessionStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), time);
        var id = await store.CreateAsync(Session(Start.AddHours(1))).DefaultTimeout();

        time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await store.FindAsync(id).DefaultTimeout());
    }

    [Fact]
    public async Task RemoveAsync_SignedOut_GoneAndSecondRemoveFalse()
    {
        var store = new WebSessionStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), new FakeTimeProvider(Start));
        var id = await store.CreateAsync(Session(Start.AddHours(1))).DefaultTimeout();

        Assert.True(await store.RemoveAsync(id).DefaultTimeout());
        Assert.False(await store.RemoveAsync(id).DefaultTimeout());
        Assert.Null(await store.FindAsync(id).DefaultTimeout());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("sb:{t}:api:web:session:*")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task FindAsync_MalformedCookieValue_NoneWithoutAskingRedis(string? id)
    {
        var store = new WebSessionStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), new FakeTimeProvider(Start));

        Assert.Null(await store.FindAsync(id).DefaultTimeout());
        Assert.False(await store.RemoveAsync(id).DefaultTimeout());
    }

    [Fact]
    public async Task CountSignInAttemptAsync_PerSourceWithTheWindowAsExpiry()
    {
        var keys = new KeySchema(RedisServerFixture.NewKeyPrefix());
        var store = new WebSessionStore(redis.Connection, keys, new FakeTimeProvider(Start));

        Assert.Equal(1, await store.CountSignInAttemptAsync("127.0.0.5", TimeSpan.FromMinutes(1)).DefaultTimeout());
        Assert.Equal(2, await store.CountSignInAttemptAsync("127.0.0.5", TimeSpan.FromMinutes(1)).DefaultTimeout());
        Assert.Equal(1, await store.CountSignInAttemptAsync("127.0.0.6", TimeSpan.FromMinutes(1)).DefaultTimeout());
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(keys.WebSignInAttempts("127.0.0.5")).DefaultTimeout();
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }
}
