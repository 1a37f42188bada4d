using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using Switchboard.Api.Live;

namespace Switchboard.Api.Dialplans;

/// <summary>
/// The live dialplan store: every published version is kept in Redis (text, content hash, who, when, change
/// summary); the current one is announced on <see cref="ApiKeys.LiveChanged"/> as <c>dialplan:&lt;sequence&gt;</c>
/// so every node reloads without a restart. Publishing validates with <see cref="IDialplanChecker"/> first.
/// </summary>
public sealed class DialplanVersionStore(IConnectionMultiplexer redis, ApiKeys keys, IDialplanChecker checker, TimeProvider timeProvider)
{
    /// <summary>Prefix of the pub/sub payload announcing a new current version.</summary>
    public const string ChangedPrefix = "dialplan:";

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

    /// <summary>Validates <paramref name="yaml"/> without storing anything.</summary>
    public IReadOnlyList<DialplanFinding> Validate(string yaml) => checker.Check(yaml ?? "");

    /// <summary>The current version number; 0 when nothing is published.</summary>
    public async Task<long> GetCurrentSequenceAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(keys.DialplanCurrent).ConfigureAwait(false);
        return value.IsNullOrEmpty ? 0 : (long)value;
    }

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

        var fields = await redis.GetDatabase().HashGetAllAsync(keys.DialplanVersion(sequence)).ConfigureAwait(false);
        if (fields.Length == 0)
        {
            return null;
        }

        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
        return (map.GetValueOrDefault("yaml", ""), ToInfo(sequence, map));
    }

    /// <summary>The newest <paramref name="limit"/> version records, newest first.</summary>
    public async Task<IReadOnlyList<DialplanVersionInfo>> GetHistoryAsync(int limit, CancellationToken cancellationToken = default)
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
    }

    /// <summary>
    /// Validates and publishes <paramref name="yaml"/> as the new current version. Throws
    /// <see cref="DialplanPublishException"/> on validation errors or when <paramref name="expectedCurrent"/>
    /// (if not 0) is no longer current.
    /// </summary>
    public async Task<(DialplanVersionInfo Info, IReadOnlyList<DialplanFinding> Findings)> PublishAsync(
        string yaml, string who, string comment, long expectedCurrent = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var findings = checker.Check(yaml);
        var errors = findings.Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new DialplanPublishException(
                "dialplan has errors: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Line}:{e.Column} {e.Message}")), findings);
        }

        var info = await StoreAsync(yaml, who, comment, expectedCurrent, 0, cancellationToken).ConfigureAwait(false);
        return (info, findings);
    }

    /// <summary>Publishes an earlier version again, as a new version that records <c>RollbackOf</c>.</summary>
    public async Task<DialplanVersionInfo> RollbackAsync(long sequence, string who, string comment, CancellationToken cancellationToken = default)
    {
        var target = await GetAsync(sequence, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"dialplan version {sequence} does not exist");
        return await StoreAsync(target.Yaml, who, comment, 0, sequence, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Announcements of new current versions from any node (the sequence numbers).</summary>
    public async IAsyncEnumerable<long> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.LiveChanged, cancellationToken).ConfigureAwait(false))
        {
            var text = value.ToString();
            if (text.StartsWith(ChangedPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(ChangedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                yield return sequence;
            }
        }
    }

    private async Task<DialplanVersionInfo> StoreAsync(
        string yaml, string who, string comment, long expectedCurrent, long rollbackOf, CancellationToken cancellationToken)
    {
        var previous = await GetAsync(0, cancellationToken).ConfigureAwait(false);
        var summary = DialplanChangeSummary.Describe(previous?.Yaml, yaml);
        if (rollbackOf > 0)
        {
            summary = $"rollback to version {rollbackOf}: {summary}";
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        var at = timeProvider.GetUtcNow();
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            PublishScript,
            [keys.DialplanSequence, keys.DialplanCurrent],
            [
                expectedCurrent, keys.DialplanVersion(0).ToString()[..^1], keys.LiveChanged.ToString(),
                yaml, hash, who, at.ToUnixTimeMilliseconds(), summary, comment ?? "", rollbackOf,
            ]).ConfigureAwait(false);
        if (result <= 0)
        {
            throw new DialplanPublishException($"the current dialplan version is {-result}, not {expectedCurrent}: reload and try again");
        }

        return new DialplanVersionInfo(result, hash, who, at, summary, comment ?? "", rollbackOf);
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
