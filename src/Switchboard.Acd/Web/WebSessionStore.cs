using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Web;

/// <summary>
/// Browser sessions in Redis (<see cref="KeySchema.WebSession"/>): one hash per session with a Redis expiry at the
/// session's end, so every node sees a sign-out at once and nothing outlives its lifetime. The session id is 32 random
/// bytes (base64url) that only the browser's HttpOnly cookie holds; the key is named by its SHA-256, so reading Redis
/// does not give a usable cookie. Also counts sign-in attempts per source for throttling. Throws
/// <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class WebSessionStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    private const string Store = "web session store";
    private const int MaxIdLength = 64;

    /// <summary>Stores <paramref name="session"/> until its <see cref="WebSession.ExpiresAt"/> and returns the new session id.</summary>
    public Task<string> CreateAsync(WebSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ttl = session.ExpiresAt - timeProvider.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException("the session has already expired", nameof(session));
        }

        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = RandomToken();
            var key = keys.WebSession(Hash(id));
            var db = redis.GetDatabase();
            var transaction = db.CreateTransaction();
            _ = transaction.HashSetAsync(key,
            [
                new HashEntry("subject", session.Subject),
                new HashEntry("roles", string.Join(',', session.Roles)),
                new HashEntry("method", session.Method),
                new HashEntry("token", session.TokenHash),
                new HashEntry("created", session.CreatedAt.ToUnixTimeMilliseconds()),
                new HashEntry("expires", session.ExpiresAt.ToUnixTimeMilliseconds()),
                new HashEntry("csrf", session.Csrf),
            ]);
            _ = transaction.KeyExpireAsync(key, ttl);
            await transaction.ExecuteAsync().ConfigureAwait(false);
            return id;
        });
    }

    /// <summary>The session of a cookie value; null when it is unknown, malformed or over.</summary>
    public Task<WebSession?> FindAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(id))
        {
            return Task.FromResult<WebSession?>(null);
        }

        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = await redis.GetDatabase().HashGetAllAsync(keys.WebSession(Hash(id!))).ConfigureAwait(false);
            if (fields.Length == 0)
            {
                return null;
            }

            var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(map.GetValueOrDefault("expires", "0"), CultureInfo.InvariantCulture));
            if (expires <= timeProvider.GetUtcNow())
            {
                return null;
            }

            return new WebSession(
                map.GetValueOrDefault("subject", string.Empty),
                map.GetValueOrDefault("roles", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                map.GetValueOrDefault("method", string.Empty),
                map.GetValueOrDefault("token", string.Empty),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(map.GetValueOrDefault("created", "0"), CultureInfo.InvariantCulture)),
                expires,
                map.GetValueOrDefault("csrf", string.Empty));
        });
    }

    /// <summary>Ends a session (sign-out or revocation); true when it existed.</summary>
    public Task<bool> RemoveAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(id))
        {
            return Task.FromResult(false);
        }

        return StoreCalls.RunAsync(Store, () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return redis.GetDatabase().KeyDeleteAsync(keys.WebSession(Hash(id!)));
        });
    }

    /// <summary>
    /// Counts one sign-in attempt from <paramref name="source"/> and returns the attempts in the current window
    /// (a counter that expires <paramref name="window"/> after the window's first attempt).
    /// </summary>
    public Task<long> CountSignInAttemptAsync(string source, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = keys.WebSignInAttempts(source);
            var transaction = redis.GetDatabase().CreateTransaction();
            var count = transaction.StringIncrementAsync(key);
            _ = transaction.KeyExpireAsync(key, window, ExpireWhen.HasNoExpiry);
            await transaction.ExecuteAsync().ConfigureAwait(false);
            return await count.ConfigureAwait(false);
        });
    }

    /// <summary>32 random bytes, base64url (43 characters): session ids and anti-forgery tokens.</summary>
    public static string RandomToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Lower-case hex SHA-256 of a text (session ids in key names, static API keys in sessions).</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static bool IsWellFormed(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
