using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Live;

/// <summary>
/// Append-only audit trail of supervisor changes in a bounded Redis stream (<see cref="KeySchema.Audit"/>).
/// Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class AuditStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    private const int MaxLength = 100_000;
    private const string Store = "audit store";

    /// <summary>Appends one record and returns it.</summary>
    public Task<AuditEntry> AppendAsync(string who, string action, string details, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
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
        });

    /// <summary>The newest <paramref name="count"/> records, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadLatestAsync(int count, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync<IReadOnlyList<AuditEntry>>(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = await redis.GetDatabase().StreamRangeAsync(keys.Audit, "-", "+", count, Order.Descending).ConfigureAwait(false);
            return [.. entries.Select(e => new AuditEntry(
                e.Id.ToString(),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(e["at"].ToString(), CultureInfo.InvariantCulture)),
                e["who"].ToString(),
                e["action"].ToString(),
                e["details"].ToString()))];
        });
}
