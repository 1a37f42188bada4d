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

    [Fact]
    public async Task FoldAsync_NodeWithOtherThresholds_FoldsWithTheStoredOnes()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var first = new StatisticsAggregator(redis.Connection, tenant) { PageSize = 300 };
        var events = Day.Events.ToList();
        await AppendAsync(first.EventStreamKey, events.Take(1000)).DefaultTimeout();
        await first.FoldAsync().DefaultTimeout();

        var other = new StatisticsAggregator(redis.Connection, tenant, new StatisticsOptions { ServiceLevelThreshold = TimeSpan.FromSeconds(20), ShortAbandonThreshold = TimeSpan.FromSeconds(30) });
        await AppendAsync(first.EventStreamKey, events.Skip(1000)).DefaultTimeout();
        await other.FoldAsync().DefaultTimeout();

        var expected = ReportCalculator.Calculate(events, ReportGrouping.Day);
        var actual = await other.ReadQueueReportsAsync(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.FromUnixTimeSeconds(4_000_000_000), ReportGrouping.Day).DefaultTimeout();
        Assert.Equal(expected.Select(r => r.Counters.ToArray()), actual.Select(r => r.Counters.ToArray()));
        Assert.NotEqual(expected.Select(r => r.Counters.ToArray()), ReportCalculator.Calculate(events, ReportGrouping.Day, new StatisticsOptions { ServiceLevelThreshold = TimeSpan.FromSeconds(20) }).Select(r => r.Counters.ToArray()));
    }

    [Fact]
    public async Task FoldAsync_RedisKilledAndRestartedFromAof_AggregatesKeptAndNewNodeResumes()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        var tenant = RedisServerFixture.NewKeyPrefix();
        var events = Day.Events.ToList();
        var half = events.Count / 2;
        string streamKey;
        await using (var first = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout())
        {
            // Every write reaches the AOF before the reply, so SIGKILL loses nothing that was acknowledged.
            await first.GetServers()[0].ExecuteAsync("CONFIG", "SET", "appendfsync", "always").DefaultTimeout();
            var node = new StatisticsAggregator(first, tenant) { PageSize = 500 };
            streamKey = node.EventStreamKey;
            await AppendAsync(first, streamKey, events.Take(half)).DefaultTimeout();
            Assert.Equal(half, await node.FoldAsync().DefaultTimeout());
            // Trimmed to nothing: from here on only the aggregates know the first half.
            await first.GetDatabase().StreamTrimAsync(streamKey, 0).DefaultTimeout();
        }

        server.Kill();
        await server.RestartAsync().DefaultTimeout();

        await using var second = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        var restarted = new StatisticsAggregator(second, tenant) { PageSize = 500 };
        await AppendAsync(second, streamKey, events.Skip(half)).DefaultTimeout();
        Assert.Equal(events.Count - half, await restarted.FoldAsync().DefaultTimeout());

        var expected = ReportCalculator.Calculate(events, ReportGrouping.Day);
        var actual = await restarted.ReadQueueReportsAsync(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.FromUnixTimeSeconds(4_000_000_000), ReportGrouping.Day).DefaultTimeout();
        Assert.Equal(expected.Select(r => (r.Queue, r.Start)), actual.Select(r => (r.Queue, r.Start)));
        Assert.Equal(expected.Select(r => r.Counters.ToArray()), actual.Select(r => r.Counters.ToArray()));
        Assert.True(actual.Sum(r => r.Offered) > 1000);
    }

    private Task AppendAsync(string key, IEnumerable<AcdEvent> events) => AppendAsync(redis.Connection, key, events);

    private static async Task AppendAsync(IConnectionMultiplexer connection, string key, IEnumerable<AcdEvent> events)
    {
        var db = connection.GetDatabase();
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

    /// <summary>The wire name of an event type (the inverse of <see cref="AcdEventParser.ParseType"/>).</summary>
    private static string WireName(AcdEventType type) => WireNames[type];

    private static readonly Dictionary<AcdEventType, string> WireNames = new[]
    {
        "enqueued", "offered", "accepted", "rejected", "offer_timeout", "answered", "ended", "abandoned", "escalated", "agent_state",
        "wrapup_ended", "node_lost", "callback_requested", "callback_updated", "callback_refused", "callback_dialling", "callback_answered",
        "callback_attempt_failed", "callback_requeued", "callback_unreachable", "callback_completed", "callback_cancelled", "callback_expired",
        "callback_purged", "transferred", "transfer_started", "transfer_answered", "transfer_not_answered",
    }.ToDictionary(AcdEventParser.ParseType, n => n);
}
