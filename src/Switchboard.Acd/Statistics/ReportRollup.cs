using Switchboard.Acd.Agents;

namespace Switchboard.Acd.Statistics;

/// <summary>Rolls hourly buckets up into hour/day/week reports (sums; maximum for the longest wait).</summary>
public static class ReportRollup
{
    public static IReadOnlyList<QueueReport> Queues(
        IEnumerable<KeyValuePair<(string Queue, long Hour), long[]>> buckets, ReportGrouping grouping, TimeZoneInfo zone)
    {
        var sums = new Dictionary<(string, DateTimeOffset), long[]>();
        foreach (var ((queue, hour), counters) in buckets)
        {
            var key = (queue, ReportIntervals.Start(FromHour(hour), grouping, zone));
            if (!sums.TryGetValue(key, out var sum))
            {
                sums[key] = sum = new long[counters.Length];
            }

            for (var i = 0; i < counters.Length; i++)
            {
                sum[i] = i == (int)ReportCounter.LongestWaitMs ? Math.Max(sum[i], counters[i]) : sum[i] + counters[i];
            }
        }

        return [.. sums.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2)
            .Select(p => new QueueReport(p.Key.Item1, p.Key.Item2, p.Value))];
    }

    public static IReadOnlyList<AgentReport> Agents(
        IEnumerable<KeyValuePair<(string Agent, long Hour), long[]>> buckets, ReportGrouping grouping, TimeZoneInfo zone)
    {
        var sums = new Dictionary<(string, DateTimeOffset), long[]>();
        foreach (var ((agent, hour), ms) in buckets)
        {
            var key = (agent, ReportIntervals.Start(FromHour(hour), grouping, zone));
            if (!sums.TryGetValue(key, out var sum))
            {
                sums[key] = sum = new long[Enum.GetValues<AgentState>().Length];
            }

            for (var i = 0; i < ms.Length; i++)
            {
                sum[i] += ms[i];
            }
        }

        return [.. sums.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2)
            .Select(p => new AgentReport(p.Key.Item1, p.Key.Item2, p.Value))];
    }

    internal static DateTimeOffset FromHour(long hour) => DateTimeOffset.FromUnixTimeMilliseconds(hour * 3_600_000);
}
