using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Live;

/// <summary>
/// Append-only audit trail of supervisor changes and reads of personal data, in a Redis stream
/// (<see cref="KeySchema.Audit"/>) kept by time, never by count: each append removes the records whose time is older
/// than <see cref="AuditOptions.Retention"/>, so no burst of records can push older ones out, and the API has no way
/// to delete them. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class AuditStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider, AuditOptions? options = null)
{
    private const string Store = "audit store";
    private const int ExpiryBatch = 100;
    private const int ExpiryRounds = 5;
    private readonly TimeSpan _retention = (options ?? new AuditOptions()).Retention;

    /// <summary>Appends one record and returns it.</summary>
    public Task<AuditEntry> AppendAsync(string who, string action, string details, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = timeProvider.GetUtcNow();
            var db = redis.GetDatabase();
            var id = await db.StreamAddAsync(
                keys.Audit,
                [
                    new NameValueEntry("at", at.ToUnixTimeMilliseconds()),
                    new NameValueEntry("who", who),
                    new NameValueEntry("action", action),
                    new NameValueEntry("details", details),
                ]).ConfigureAwait(false);
            await RemoveExpiredAsync(db, (at - _retention).ToUnixTimeMilliseconds()).ConfigureAwait(false);
            return new AuditEntry(id.ToString(), at, who, action, details);
        });

    /// <summary>
    /// Deletes the oldest records whose own time (<c>at</c>, from the nodes' clock) is before <paramref name="cutoffMs"/>.
    /// The common case costs one XRANGE of one entry; a backlog goes in batches, a bounded number per append.
    /// </summary>
    private async Task RemoveExpiredAsync(IDatabase db, long cutoffMs)
    {
        for (var round = 0; round < ExpiryRounds; round++)
        {
            var oldest = await db.StreamRangeAsync(keys.Audit, "-", "+", round == 0 ? 1 : ExpiryBatch, Order.Ascending).ConfigureAwait(false);
            var expired = oldest.TakeWhile(e => long.Parse(e["at"].ToString(), CultureInfo.InvariantCulture) < cutoffMs).Select(e => e.Id).ToArray();
            if (expired.Length == 0)
            {
                return;
            }

            await db.StreamDeleteAsync(keys.Audit, expired).ConfigureAwait(false);
        }
    }

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
