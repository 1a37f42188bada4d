using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Api.Supervisors;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Supervisors;

/// <summary>GetQueueReport, GetAgentReport and WatchStatistics on a real redis-server through the in-process gRPC host.</summary>
public sealed class SupervisorReportTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Sara = ApiTestHost.Bearer(TestTokens.SupervisorKey);
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetQueueReport_EventsInStream_FiguresPerQueueAndHour()
    {
        var t0 = Hour(_host.Time.GetUtcNow().AddDays(-1));
        await AppendAsync(
            Event(t0.AddMinutes(1), "enqueued", "a1", "bygg", ("kind", "Call"), ("caller_hash", "h1")),
            Event(t0.AddMinutes(2), "answered", "a1", "bygg", ("wait", "30000")),
            Event(t0.AddMinutes(3), "enqueued", "a2", "bygg", ("kind", "Call"), ("caller_hash", "h1")),
            Event(t0.AddMinutes(5), "abandoned", "a2", "bygg", ("wait", "120000")),
            Event(t0.AddMinutes(6), "enqueued", "a3", "bygg", ("kind", "Call"), ("caller_hash", "h2")),
            Event(t0.AddMinutes(8), "answered", "a3", "bygg", ("wait", "90000")),
            Event(t0.AddMinutes(9), "transfer_answered", "a3", "bygg"),
            Event(t0.AddMinutes(61), "enqueued", "s1", "social", ("kind", "Call"), ("caller_hash", "h3")),
            Event(t0.AddMinutes(61).AddSeconds(2), "abandoned", "s1", "social", ("wait", "2000")));

        var response = await _host.SupervisorClient.GetQueueReportAsync(
            new GetQueueReportRequest { From = Timestamp.FromDateTimeOffset(t0), To = Timestamp.FromDateTimeOffset(t0.AddHours(3)), Grouping = ReportGrouping.Hour },
            Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(TimeSpan.FromSeconds(60), response.ServiceLevelThreshold.ToTimeSpan());
        Assert.Equal("Europe/Stockholm", response.TimeZone);
        var bygg = Assert.Single(response.Rows, r => r.Queue == "bygg");
        Assert.Equal(t0, bygg.Start.ToDateTimeOffset());
        Assert.Equal((3, 2, 1, 0), (bygg.Offered, bygg.Answered, bygg.Abandoned, bygg.ShortAbandoned));
        Assert.Equal(0.5, bygg.ServiceLevel, 9);
        Assert.Equal(1.0 / 3, bygg.ServiceLevelWithAbandoned, 9);
        Assert.Equal(TimeSpan.FromSeconds(60), bygg.AverageSpeedOfAnswer.ToTimeSpan());
        Assert.Equal(TimeSpan.FromSeconds(80), bygg.AverageWait.ToTimeSpan());
        Assert.Equal(TimeSpan.FromSeconds(120), bygg.LongestWait.ToTimeSpan());
        Assert.Equal([0L, 1, 2, 0, 0], bygg.WaitDistribution);
        Assert.Equal(
            [(0, 20), (20, 60), (60, 180), (180, 600), (600, -1)],
            response.WaitBuckets.Select(b => ((int)b.Lower.ToTimeSpan().TotalSeconds, b.Upper is null ? -1 : (int)b.Upper.ToTimeSpan().TotalSeconds)));
        Assert.Equal(1, bygg.RepeatCallers);
        Assert.Equal(1, bygg.TransfersAnswered);
        Assert.False(bygg.HasFirstContactResolution);
        var social = Assert.Single(response.Rows, r => r.Queue == "social");
        Assert.Equal(t0.AddHours(1), social.Start.ToDateTimeOffset());
        Assert.Equal((1, 0, 1), (social.Offered, social.Abandoned, social.ShortAbandoned));
        Assert.False(social.HasServiceLevel);
        Assert.Equal([0L, 0, 0, 0, 0], social.WaitDistribution);

        var filtered = await _host.SupervisorClient.GetQueueReportAsync(
            new GetQueueReportRequest { From = Timestamp.FromDateTimeOffset(t0), To = Timestamp.FromDateTimeOffset(t0.AddHours(3)), Grouping = ReportGrouping.Day, Queues = { "social" } },
            Sara).ResponseAsync.DefaultTimeout();
        Assert.Equal("social", Assert.Single(filtered.Rows).Queue);
    }

    [Fact]
    public async Task GetAgentReport_StateChanges_TimePerStateAndOccupancy()
    {
        var t0 = Hour(_host.Time.GetUtcNow().AddDays(-1));
        await AppendAsync(
            Event(t0, "agent_state", null, null, ("state", "Ready"), ("agent", "anna")),
            Event(t0.AddMinutes(15), "agent_state", null, null, ("state", "OnCall"), ("agent", "anna")),
            Event(t0.AddMinutes(45), "agent_state", null, null, ("state", "Paused"), ("agent", "anna")),
            Event(t0.AddMinutes(60), "agent_state", null, null, ("state", "LoggedOut"), ("agent", "anna")));

        var response = await _host.SupervisorClient.GetAgentReportAsync(
            new GetAgentReportRequest { From = Timestamp.FromDateTimeOffset(t0), To = Timestamp.FromDateTimeOffset(t0.AddHours(2)), Grouping = ReportGrouping.Day, Agents = { "anna" } },
            Sara).ResponseAsync.DefaultTimeout();

        var row = Assert.Single(response.Rows);
        Assert.Equal("anna", row.AgentId);
        Assert.Equal(TimeSpan.FromMinutes(15), row.Ready.ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(30), row.OnCall.ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(15), row.Paused.ToTimeSpan());
        Assert.Equal(30.0 / 45, row.Occupancy, 9);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, null)]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(0, 24 * 401)]
    public async Task GetQueueReport_BadPeriod_InvalidArgument(int? fromHours, int? toHours)
    {
        var now = _host.Time.GetUtcNow();
        var request = new GetQueueReportRequest
        {
            From = fromHours is { } f ? Timestamp.FromDateTimeOffset(now.AddHours(f)) : null,
            To = toHours is { } t ? Timestamp.FromDateTimeOffset(now.AddHours(t)) : null,
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.SupervisorClient.GetQueueReportAsync(request, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
    }

    [Fact]
    public async Task WatchStatistics_WaitingCallerThenAbandoned_LiveFiguresReadIncrementally()
    {
        await _host.Acd.ConfigureQueueAsync(new Acd.Queues.QueueOptions { Name = "bygg" }).DefaultTimeout();
        await _host.Acd.EnqueueAsync(new Acd.Queues.EnqueueRequest("w-1", "bygg", [], "sv", 0, "+4612345")).DefaultTimeout();
        await _host.Acd.EnqueueAsync(new Acd.Queues.EnqueueRequest("w-2", "bygg", [], "sv", 0, "+4612346")).DefaultTimeout();
        _host.Time.Advance(TimeSpan.FromSeconds(40));
        await _host.Acd.AbandonAsync("w-2").DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);

        using var watch = _host.SupervisorClient.WatchStatistics(new WatchStatisticsRequest { Queues = { "bygg" } }, Sara, cancellationToken: cts.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token).DefaultTimeout());

        var first = Assert.Single(watch.ResponseStream.Current.Queues);
        Assert.Equal(("bygg", 1), (first.Queue, first.Waiting));
        Assert.InRange(first.LongestWait.ToTimeSpan(), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40.001)); // places are whole ms
        Assert.Equal(1, first.AbandonedToday);
        Assert.Equal(TimeSpan.FromSeconds(60), watch.ResponseStream.Current.ServiceLevelThreshold.ToTimeSpan());
        var live = _host.Services.GetRequiredService<LiveStatistics>();
        var read = live.EventsRead;
        Assert.True(read >= 3, $"read {read} events");

        // The next snapshot reads only what was added since: the stream is not read again from the start.
        await _host.Acd.AbandonAsync("w-1").DefaultTimeout();
        var next = watch.ResponseStream.MoveNext(cts.Token);

        // The stream waits its interval on the fake clock; move it on at each check until the next snapshot comes.
        await Eventually.UntilAsync(() =>
        {
            if (!next.IsCompleted)
            {
                _host.Time.Advance(TimeSpan.FromMilliseconds(500));
            }

            return next.IsCompleted;
        }, "the next WatchQueues snapshot");

        Assert.True(await next);
        var second = Assert.Single(watch.ResponseStream.Current.Queues);
        Assert.Equal((0, 2L), (second.Waiting, second.AbandonedToday));
        Assert.Equal(read + 1, live.EventsRead);
    }

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);

    private static NameValueEntry[] Event(DateTimeOffset at, string type, string? call, string? queue, params (string Name, string Value)[] fields) =>
    [
        new("type", type),
        new("at", at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        new("call", call ?? string.Empty),
        new("queue", queue ?? string.Empty),
        .. fields.Select(f => new NameValueEntry(f.Name, f.Value)),
    ];

    private async Task AppendAsync(params NameValueEntry[][] events)
    {
        var db = redis.Connection.GetDatabase();
        foreach (var fields in events)
        {
            await db.StreamAddAsync(_host.Acd.EventStreamKey, fields).DefaultTimeout();
        }
    }
}
