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

    /// <summary>Records one page read looks at, at most (filtering by action can skip most of them).</summary>
    public const int MaxScannedPerPage = 1000;
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
            return [.. entries.Select(ToEntry)];
        });

    /// <summary>
    /// One page, newest first: at most <paramref name="count"/> records older than the record
    /// <paramref name="beforeId"/> (null: from the newest) whose action starts with <paramref name="actionPrefix"/>.
    /// Reads at most <see cref="MaxScannedPerPage"/> records, so a rare action can give a short (even empty) page
    /// whose <see cref="AuditPage.NextBeforeId"/> goes on further back.
    /// </summary>
    public Task<AuditPage> ReadPageAsync(int count, string? beforeId, string actionPrefix, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
            var db = redis.GetDatabase();
            var found = new List<AuditEntry>();
            var upper = beforeId is null ? "+" : "(" + beforeId;
            var scanned = 0;
            while (scanned < MaxScannedPerPage)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var asked = Math.Min(ExpiryBatch, MaxScannedPerPage - scanned);
                var batch = await db.StreamRangeAsync(keys.Audit, "-", upper, asked, Order.Descending).ConfigureAwait(false);
                foreach (var record in batch)
                {
                    scanned++;
                    upper = "(" + record.Id;
                    var entry = ToEntry(record);
                    if (entry.Action.StartsWith(actionPrefix, StringComparison.Ordinal))
                    {
                        found.Add(entry);
                        if (found.Count == count)
                        {
                            return new AuditPage(found, entry.Id);
                        }
                    }
                }

                if (batch.Length < asked)
                {
                    return new AuditPage(found, null);
                }
            }

            return new AuditPage(found, upper[1..]);
        });

    private static AuditEntry ToEntry(StreamEntry e) => new(
        e.Id.ToString(),
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(e["at"].ToString(), CultureInfo.InvariantCulture)),
        e["who"].ToString(),
        e["action"].ToString(),
        e["details"].ToString());
}
