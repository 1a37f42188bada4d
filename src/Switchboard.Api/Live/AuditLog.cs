using System.Globalization;
using StackExchange.Redis;

namespace Switchboard.Api.Live;

/// <summary>Append-only audit trail of supervisor changes in a bounded Redis stream.</summary>
public sealed class AuditLog(IConnectionMultiplexer redis, ApiKeys keys, TimeProvider timeProvider)
{
    private const int MaxLength = 100_000;

    /// <summary>Appends one record and returns it.</summary>
    public async Task<AuditEntry> AppendAsync(string who, string action, string details, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var at = timeProvider.GetUtcNow();
        var id = await redis.GetDatabase().StreamAddAsync(
            keys.Audit,
            [
                new NameValueEntry("at", at.ToUnixTimeMilliseconds()),
                new NameValueEntry("who", who),
                new NameValueEntry("action", action),
                new NameValueEntry("details", details),
            ],
            maxLength: MaxLength,
            useApproximateMaxLength: true).ConfigureAwait(false);
        return new AuditEntry(id.ToString(), at, who, action, details);
    }

    /// <summary>The newest <paramref name="count"/> records, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadLatestAsync(int count, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.Audit, "-", "+", count, Order.Descending).ConfigureAwait(false);
        return [.. entries.Select(e => new AuditEntry(
            e.Id.ToString(),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(e["at"].ToString(), CultureInfo.InvariantCulture)),
            e["who"].ToString(),
            e["action"].ToString(),
            e["details"].ToString()))];
    }
}
