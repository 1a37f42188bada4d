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

    /// <summary>
    /// One REGISTER in one round trip (a Lua script): removes every binding first when <paramref name="removeAll"/>,
    /// then applies <paramref name="changes"/> in order (a record adds or refreshes its contact, null removes it), keeps
    /// the key as long as its longest binding, drops expired bindings and returns the live ones.
    /// </summary>
    public Task<IReadOnlyList<RegistrationRecord>> UpdateAsync(string addressOfRecord, bool removeAll,
        IReadOnlyList<(string Contact, RegistrationRecord? Record)> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return StoreCalls.RunAsync<IReadOnlyList<RegistrationRecord>>(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = timeProvider.GetUtcNow();
            var args = new RedisValue[2 + (3 * changes.Count)];
            args[0] = now.ToUnixTimeMilliseconds();
            args[1] = removeAll ? 1 : 0;
            for (var i = 0; i < changes.Count; i++)
            {
                var (contact, record) = changes[i];
                args[2 + (3 * i)] = contact;
                args[3 + (3 * i)] = record is null ? RedisValue.EmptyString : Encode(record);
                args[4 + (3 * i)] = record?.ExpiresAt.ToUnixTimeMilliseconds() ?? 0;
            }

            var result = await redis.GetDatabase().ScriptEvaluateAsync(UpdateScript, [keys.Registration(addressOfRecord)], args).ConfigureAwait(false);
            var values = (RedisValue[]?)result ?? [];
            var live = new List<RegistrationRecord>(values.Length);
            foreach (var value in values)
            {
                if (Decode(value) is { } binding && binding.ExpiresAt > now)
                {
                    live.Add(binding);
                }
            }

            return live;
        });
    }

    /// <summary>Removes one contact of <paramref name="addressOfRecord"/>.</summary>
    public Task RemoveAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, () => redis.GetDatabase().HashDeleteAsync(keys.Registration(addressOfRecord), contact));

    /// <summary>Removes every contact of <paramref name="addressOfRecord"/>.</summary>
    public Task RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, () => redis.GetDatabase().KeyDeleteAsync(keys.Registration(addressOfRecord)));

    /// <summary>
    /// KEYS[1] the AOR's hash; ARGV[1] now (unix ms), ARGV[2] 1 to remove every binding first, then per change: contact,
    /// stored JSON ("" removes the contact), expiry (unix ms). Returns the stored JSON of every live binding.
    /// </summary>
    private const string UpdateScript = """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        if ARGV[2] == '1' then redis.call('DEL', key) end
        local longest = 0
        for i = 3, #ARGV, 3 do
          if ARGV[i + 1] == '' then
            redis.call('HDEL', key, ARGV[i])
          else
            redis.call('HSET', key, ARGV[i], ARGV[i + 1])
            local expires = tonumber(ARGV[i + 2])
            if expires > longest then longest = expires end
          end
        end
        if longest > 0 then
          local ttl = longest - now
          if ttl < 1000 then ttl = 1000 end
          local current = redis.call('PTTL', key)
          if current < ttl then redis.call('PEXPIRE', key, ttl) end
        end
        local all = redis.call('HGETALL', key)
        local live = {}
        for i = 1, #all, 2 do
          local ok, binding = pcall(cjson.decode, all[i + 1])
          if ok and type(binding) == 'table' and tonumber(binding.ExpiresAt) and tonumber(binding.ExpiresAt) > now then
            live[#live + 1] = all[i + 1]
          else
            redis.call('HDEL', key, all[i])
          end
        end
        return live
        """;

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
