using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Statistics;

public sealed partial class StatisticsAggregator
{
    /// <summary>Queue reports from the stored aggregates for calls that arrived in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<QueueReport>> ReadQueueReportsAsync(
        DateTimeOffset from, DateTimeOffset to, ReportGrouping grouping, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadBucketsAsync("stats:queues", QueueKey, from, to, Enum.GetValues<ReportCounter>().Length,
            name => Enum.TryParse<ReportCounter>(name, out var c) ? (int)c : -1, cancellationToken).ConfigureAwait(false);
        return ReportRollup.Queues(buckets, grouping, _zone);
    }

    /// <summary>Agent time per state from the stored aggregates in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<AgentReport>> ReadAgentReportsAsync(
        DateTimeOffset from, DateTimeOffset to, ReportGrouping grouping, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadBucketsAsync("stats:agents", AgentKey, from, to, Enum.GetValues<AgentState>().Length,
            name => Enum.TryParse<AgentState>(name, out var s) ? (int)s : -1, cancellationToken).ConfigureAwait(false);
        return ReportRollup.Agents(buckets, grouping, _zone);
    }

    private Task<Dictionary<(string, long), long[]>> ReadBucketsAsync(
        string indexKey, Func<string, string, string> keyOf, DateTimeOffset from, DateTimeOffset to, int width,
        Func<string, int> indexOf, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException("The end of the period must be after its start.", nameof(to));
        }

        return StoreCalls.RunAsync(Store, () => ReadBucketsCoreAsync(indexKey, keyOf, from, to, width, indexOf, cancellationToken));
    }

    private async Task<Dictionary<(string, long), long[]>> ReadBucketsCoreAsync(
        string indexKey, Func<string, string, string> keyOf, DateTimeOffset from, DateTimeOffset to, int width,
        Func<string, int> indexOf, CancellationToken cancellationToken)
    {
        var db = _redis.GetDatabase();
        var names = await db.SetMembersAsync(_prefix + indexKey).WaitAsync(cancellationToken).ConfigureAwait(false);
        var (firstHour, endHour) = (ReportIntervals.HourOf(from), ReportIntervals.HourOf(to.AddTicks(-1)) + 1);
        var (firstDate, lastDate) = (ReportIntervals.LocalDate(from, _zone), ReportIntervals.LocalDate(to, _zone));
        var known = await db.SetMembersAsync(_prefix + "stats:days").WaitAsync(cancellationToken).ConfigureAwait(false);
        var dates = known.Select(d => d.ToString())
            .Where(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= firstDate && date <= lastDate)
            .ToList();
        var result = new Dictionary<(string, long), long[]>();
        foreach (var name in names.Select(n => n.ToString()))
        {
            foreach (var date in dates)
            {
                var entries = await db.HashGetAllAsync(keyOf(name, date)).WaitAsync(cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    var field = entry.Name.ToString();
                    var colon = field.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 0 || !long.TryParse(field.AsSpan(0, colon), CultureInfo.InvariantCulture, out var hour)
                        || hour < firstHour || hour >= endHour || indexOf(field[(colon + 1)..]) is var index && index < 0)
                    {
                        continue;
                    }

                    if (!result.TryGetValue((name, hour), out var values))
                    {
                        result[(name, hour)] = values = new long[width];
                    }

                    values[index] = (long)entry.Value;
                }
            }
        }

        return result;
    }
}
