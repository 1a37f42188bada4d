using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Registrations;

/// <summary>
/// The registrar's location service in Redis, so every node can reach every agent's phone: one hash per
/// address-of-record (<see cref="KeySchema.Registration"/>), one field per contact holding the binding as JSON.
/// Expired bindings are filtered by <see cref="TimeProvider"/> on read and removed; the key expires with its last
/// binding. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class RegistrationStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    private const string Store = "registration store";

    /// <summary>The live bindings of <paramref name="addressOfRecord"/> (expired ones are removed on the way).</summary>
    public Task<IReadOnlyList<RegistrationRecord>> GetAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync<IReadOnlyList<RegistrationRecord>>(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var db = redis.GetDatabase();
            var key = keys.Registration(addressOfRecord);
            var entries = await db.HashGetAllAsync(key).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var result = new List<RegistrationRecord>(entries.Length);
            foreach (var entry in entries)
            {
                var binding = Decode(entry.Value);
                if (binding is null || binding.ExpiresAt <= now)
                {
                    await db.HashDeleteAsync(key, entry.Name).ConfigureAwait(false);
                    continue;
                }

                result.Add(binding);
            }

            return result;
        });

    /// <summary>Adds or refreshes one binding; the key lives as long as its longest binding.</summary>
    public Task SetAsync(RegistrationRecord binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var db = redis.GetDatabase();
            var key = keys.Registration(binding.Aor);
            await db.HashSetAsync(key, binding.Contact, Encode(binding)).ConfigureAwait(false);
            var ttl = binding.ExpiresAt - timeProvider.GetUtcNow();
            var current = await db.KeyTimeToLiveAsync(key).ConfigureAwait(false);
            if (current is null || current < ttl)
            {
                await db.KeyExpireAsync(key, ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Removes one contact of <paramref name="addressOfRecord"/>.</summary>
    public Task RemoveAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, () => redis.GetDatabase().HashDeleteAsync(keys.Registration(addressOfRecord), contact));

    /// <summary>Removes every contact of <paramref name="addressOfRecord"/>.</summary>
    public Task RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, () => redis.GetDatabase().KeyDeleteAsync(keys.Registration(addressOfRecord)));

    private static string Encode(RegistrationRecord b) => JsonSerializer.Serialize(new StoredBinding(
        b.Aor, b.Contact, b.ExpiresAt.ToUnixTimeMilliseconds(), b.CallId, b.CSeq, b.Transport, b.EndPoint));

    private static RegistrationRecord? Decode(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredBinding>(value.ToString()) is { } s
                ? new RegistrationRecord(s.Aor, s.Contact, DateTimeOffset.FromUnixTimeMilliseconds(s.ExpiresAt), s.CallId, s.CSeq, s.Transport, s.EndPoint)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The stored JSON shape (unchanged since the first release: compact expiry in unix ms).</summary>
    private sealed record StoredBinding(string Aor, string Contact, long ExpiresAt, string CallId, long CSeq, string? Transport, string? EndPoint);
}
