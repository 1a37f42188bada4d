using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Events;
using Switchboard.Acd.Statistics;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Statistics;

public sealed class StatisticsAggregatorTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static readonly GeneratedDay Day = new(seed: 99, new DateOnly(2026, 10, 25), calls: 1500, Stockholm);

    [Fact]
    public async Task FoldAsync_InPagesTwiceAndAfterTrim_EqualsPureCalculation()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var aggregator = new StatisticsAggregator(redis.Connection, tenant) { PageSize = 97 };
        var half = Day.Events.Count / 2;
        await AppendAsync(aggregator.EventStreamKey, Day.Events.Take(half)).DefaultTimeout();

        Assert.Equal(half, await aggregator.FoldAsync().DefaultTimeout());
        Assert.Equal(0, await aggregator.FoldAsync().DefaultTimeout());

        // The stream is trimmed; later events still fold onto the kept aggregates.
        await redis.Connection.GetDatabase().StreamTrimAsync(aggregator.EventStreamKey, 0).DefaultTimeout();
        await AppendAsync(aggregator.EventStreamKey, Day.Events.Skip(half)).DefaultTimeout();
        Assert.Equal(Day.Events.Count - half, await aggregator.FoldAsync().DefaultTimeout());

        var from = new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.FromHours(2));
        var to = from.AddDays(3);
        foreach (var grouping in Enum.GetValues<ReportGrouping>())
        {
            var expected = ReportCalculator.Calculate(Day.Events, grouping);
            var actual = await aggregator.ReadQueueReportsAsync(from, to, grouping).DefaultTimeout();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal((expected[i].Queue, expected[i].Start), (actual[i].Queue, actual[i].Start));
                Assert.Equal(expected[i].Counters, actual[i].Counters);
            }
        }

        var dayReports = await aggregator.ReadQueueReportsAsync(from.AddDays(1), from.AddDays(2).AddHours(1), ReportGrouping.Day).DefaultTimeout();
        Assert.Equal(25, (await aggregator.ReadQueueReportsAsync(from.AddDays(1), from.AddDays(2).AddHours(1), ReportGrouping.Hour).DefaultTimeout())
            .Select(r => r.Start).Distinct().Count());
        Assert.All(dayReports, r => Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), r.Start));
        var agents = await aggregator.ReadAgentReportsAsync(from, to, ReportGrouping.Day).DefaultTimeout();
        Assert.NotEmpty(agents);
    }

    [Fact]
    public async Task FoldAsync_TwoAggregatorsAtOnce_FoldEachEventOnce()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var first = new StatisticsAggregator(redis.Connection, tenant) { PageSize = 200 };
        var second = new StatisticsAggregator(redis.Connection, tenant) { PageSize = 200 };
        var events = Day.Events.Take(800).ToList();
        await AppendAsync(first.EventStreamKey, events).DefaultTimeout();

        await Task.WhenAll(first.FoldAsync(), second.FoldAsync(), first.FoldAsync()).DefaultTimeout();

        var expected = ReportCalculator.Calculate(events, ReportGrouping.Day);
        var actual = await first.ReadQueueReportsAsync(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.FromUnixTimeSeconds(4_000_000_000), ReportGrouping.Day).DefaultTimeout();
        Assert.Equal(expected.Select(r => r.Counters.ToArray()), actual.Select(r => r.Counters.ToArray()));
    }

    private async Task AppendAsync(string key, IEnumerable<AcdEvent> events)
    {
        var db = redis.Connection.GetDatabase();
        var batch = db.CreateBatch();
        var tasks = new List<Task>();
        foreach (var e in events)
        {
            var fields = new List<NameValueEntry>
            {
                new("type", WireName(e.Type)),
                new("at", e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                new("call", e.CallId ?? string.Empty),
                new("queue", e.Queue ?? string.Empty),
                new("agent", e.AgentId ?? string.Empty),
            };
            fields.AddRange(e.Fields.Select(f => new NameValueEntry(f.Key, f.Value)));
            tasks.Add(batch.StreamAddAsync(key, [.. fields]));
        }

        batch.Execute();
        await Task.WhenAll(tasks);
    }

    private static string WireName(AcdEventType type) => type switch
    {
        AcdEventType.Enqueued => "enqueued",
        AcdEventType.Offered => "offered",
        AcdEventType.Answered => "answered",
        AcdEventType.Ended => "ended",
        AcdEventType.Abandoned => "abandoned",
        AcdEventType.AgentStateChanged => "agent_state",
        AcdEventType.WrapUpEnded => "wrapup_ended",
        AcdEventType.NodeLost => "node_lost",
        _ => "unknown",
    };
}
