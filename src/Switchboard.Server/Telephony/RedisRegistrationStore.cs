using System.Net;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The registrar's location service (RFC 3261 §10.3) in Redis, so every node can reach every agent's phone: one hash
/// per address-of-record (<c>sb:{tenant}:reg:&lt;aor&gt;</c>), one field per contact holding the binding as JSON.
/// Expired bindings are filtered by <see cref="TimeProvider"/> on read and removed; the key expires with its last binding.
/// </summary>
public sealed class RedisRegistrationStore(IConnectionMultiplexer redis, string tenant, TimeProvider timeProvider) : IRegistrationStore
{
    private readonly string _prefix = "sb:{" + tenant + "}:reg:";

    public async ValueTask<IReadOnlyList<SipBinding>> GetBindingsAsync(string addressOfRecord, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var entries = await db.HashGetAllAsync(Key(addressOfRecord)).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var result = new List<SipBinding>(entries.Length);
        foreach (var entry in entries)
        {
            var binding = Decode(entry.Value);
            if (binding is null || binding.ExpiresAt <= now)
            {
                await db.HashDeleteAsync(Key(addressOfRecord), entry.Name).ConfigureAwait(false);
                continue;
            }

            result.Add(binding);
        }

        return result;
    }

    public async ValueTask SetBindingAsync(SipBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var db = redis.GetDatabase();
        var key = Key(binding.AddressOfRecord);
        await db.HashSetAsync(key, binding.Contact, Encode(binding)).ConfigureAwait(false);
        var ttl = binding.ExpiresAt - timeProvider.GetUtcNow();
        var current = await db.KeyTimeToLiveAsync(key).ConfigureAwait(false);
        if (current is null || current < ttl)
        {
            await db.KeyExpireAsync(key, ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    public async ValueTask RemoveBindingAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().HashDeleteAsync(Key(addressOfRecord), contact).ConfigureAwait(false);

    public async ValueTask RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().KeyDeleteAsync(Key(addressOfRecord)).ConfigureAwait(false);

    private RedisKey Key(string addressOfRecord) => _prefix + addressOfRecord;

    private static string Encode(SipBinding b) => JsonSerializer.Serialize(new StoredBinding(
        b.AddressOfRecord, b.Contact, b.ExpiresAt.ToUnixTimeMilliseconds(), b.CallId, b.CSeq,
        b.Source?.Transport.ToString(), b.Source?.Address.ToString()));

    private static SipBinding? Decode(RedisValue value)
    {
        try
        {
            var s = JsonSerializer.Deserialize<StoredBinding>(value.ToString());
            if (s is null)
            {
                return null;
            }

            SipEndPoint? source = null;
            if (s.Transport is not null && Enum.TryParse<SipTransportKind>(s.Transport, out var transport) && IPEndPoint.TryParse(s.EndPoint ?? "", out var endPoint))
            {
                source = new SipEndPoint(transport, endPoint);
            }

            return new SipBinding(s.Aor, s.Contact, DateTimeOffset.FromUnixTimeMilliseconds(s.ExpiresAt), s.CallId, s.CSeq, source);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StoredBinding(string Aor, string Contact, long ExpiresAt, string CallId, long CSeq, string? Transport, string? EndPoint);
}
