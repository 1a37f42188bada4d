using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Dialplans;

/// <summary>
/// The live dialplan versions in Redis: every published version is kept (text, content hash, who, when, change
/// summary); the current one is announced on <see cref="KeySchema.LiveChanged"/> as <c>dialplan:&lt;sequence&gt;</c>
/// so every node reloads without a restart. Storage only: the API validates a dialplan before it calls
/// <see cref="AddAsync"/>. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class DialplanVersionStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    /// <summary>Prefix of the pub/sub payload announcing a new current version.</summary>
    public const string ChangedPrefix = "dialplan:";

    private const string Store = "dialplan version store";

    // KEYS: seq, current. ARGV: expected current (0 = any), version key prefix, channel, then the hash fields.
    private const string PublishScript = """
        local current = tonumber(redis.call('GET', KEYS[2]) or '0')
        local expected = tonumber(ARGV[1])
        if expected > 0 and expected ~= current then
          return -current
        end
        local seq = redis.call('INCR', KEYS[1])
        redis.call('HSET', ARGV[2] .. seq, 'yaml', ARGV[4], 'hash', ARGV[5], 'by', ARGV[6], 'at', ARGV[7],
          'summary', ARGV[8], 'comment', ARGV[9], 'rollback', ARGV[10])
        redis.call('SET', KEYS[2], seq)
        redis.call('PUBLISH', ARGV[3], 'dialplan:' .. seq)
        return seq
        """;

    /// <summary>The current version number; 0 when nothing is published.</summary>
    public Task<long> GetCurrentSequenceAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = await redis.GetDatabase().StringGetAsync(keys.DialplanCurrent).ConfigureAwait(false);
            return value.IsNullOrEmpty ? 0 : (long)value;
        });

    /// <summary>A version's text and record (<paramref name="sequence"/> 0: the current one); null when there is none.</summary>
    public async Task<(string Yaml, DialplanVersionInfo Info)?> GetAsync(long sequence = 0, CancellationToken cancellationToken = default)
    {
        if (sequence <= 0)
        {
            sequence = await GetCurrentSequenceAsync(cancellationToken).ConfigureAwait(false);
            if (sequence == 0)
            {
                return null;
            }
        }

        var fields = await StoreCalls.RunAsync(Store, () => redis.GetDatabase().HashGetAllAsync(keys.DialplanVersion(sequence))).ConfigureAwait(false);
        if (fields.Length == 0)
        {
            return null;
        }

        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
        return (map.GetValueOrDefault("yaml", ""), ToInfo(sequence, map));
    }

    /// <summary>The newest <paramref name="limit"/> version records, newest first.</summary>
    public Task<IReadOnlyList<DialplanVersionInfo>> GetHistoryAsync(int limit, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync<IReadOnlyList<DialplanVersionInfo>>(Store, async () =>
        {
            var db = redis.GetDatabase();
            var last = await db.StringGetAsync(keys.DialplanSequence).ConfigureAwait(false);
            var newest = last.IsNullOrEmpty ? 0 : (long)last;
            var result = new List<DialplanVersionInfo>();
            for (var sequence = newest; sequence > 0 && result.Count < limit; sequence--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = await db.HashGetAsync(keys.DialplanVersion(sequence), ["hash", "by", "at", "summary", "comment", "rollback"]).ConfigureAwait(false);
                if (values[0].IsNull)
                {
                    continue;
                }

                var map = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["hash"] = values[0].ToString(),
                    ["by"] = values[1].ToString(),
                    ["at"] = values[2].ToString(),
                    ["summary"] = values[3].ToString(),
                    ["comment"] = values[4].ToString(),
                    ["rollback"] = values[5].ToString(),
                };
                result.Add(ToInfo(sequence, map));
            }

            return result;
        });

    /// <summary>
    /// Stores <paramref name="yaml"/> as the new current version and announces it. Throws
    /// <see cref="DialplanVersionConflictException"/> when <paramref name="expectedCurrent"/> (if not 0) is no longer current.
    /// </summary>
    /// <param name="yaml">The dialplan text, already validated.</param>
    /// <param name="who">Token subject of the publisher.</param>
    /// <param name="comment">Publisher's comment.</param>
    /// <param name="summary">What changed against the previous version.</param>
    /// <param name="expectedCurrent">The version this one replaces; 0: whichever is current.</param>
    /// <param name="rollbackOf">The earlier version this one re-publishes; 0 for a normal publish.</param>
    /// <param name="cancellationToken">Cancels before the store.</param>
    public async Task<DialplanVersionInfo> AddAsync(
        string yaml, string who, string comment, string summary, long expectedCurrent = 0, long rollbackOf = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        cancellationToken.ThrowIfCancellationRequested();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        var at = timeProvider.GetUtcNow();
        var result = await StoreCalls.RunAsync(Store, async () => (long)await redis.GetDatabase().ScriptEvaluateAsync(
            PublishScript,
            [keys.DialplanSequence, keys.DialplanCurrent],
            [
                expectedCurrent, keys.DialplanVersionPrefix, keys.LiveChanged.ToString(),
                yaml, hash, who, at.ToUnixTimeMilliseconds(), summary, comment ?? "", rollbackOf,
            ]).ConfigureAwait(false)).ConfigureAwait(false);
        if (result <= 0)
        {
            throw new DialplanVersionConflictException(-result, expectedCurrent);
        }

        return new DialplanVersionInfo(result, hash, who, at, summary, comment ?? "", rollbackOf);
    }

    /// <summary>Announcements of new current versions from any node (the sequence numbers).</summary>
    public async IAsyncEnumerable<long> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.LiveChanged, Store, cancellationToken).ConfigureAwait(false))
        {
            if (TryParseChange(value.ToString(), out var sequence))
            {
                yield return sequence;
            }
        }
    }

    /// <summary>True when a <see cref="KeySchema.LiveChanged"/> payload announces dialplan version <paramref name="sequence"/>.</summary>
    public static bool TryParseChange(string payload, out long sequence)
    {
        sequence = 0;
        return payload is not null
            && payload.StartsWith(ChangedPrefix, StringComparison.Ordinal)
            && long.TryParse(payload.AsSpan(ChangedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    private static DialplanVersionInfo ToInfo(long sequence, Dictionary<string, string> map) => new(
        sequence,
        map.GetValueOrDefault("hash", ""),
        map.GetValueOrDefault("by", ""),
        DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(map.GetValueOrDefault("at"), CultureInfo.InvariantCulture, out var ms) ? ms : 0),
        map.GetValueOrDefault("summary", ""),
        map.GetValueOrDefault("comment", ""),
        long.TryParse(map.GetValueOrDefault("rollback"), CultureInfo.InvariantCulture, out var of) ? of : 0);
}
