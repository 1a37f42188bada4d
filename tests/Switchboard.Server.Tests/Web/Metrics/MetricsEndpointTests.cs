using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Hosting;
using Switchboard.Server.Web.Metrics;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Web.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_Scraped_PrometheusTextWithQueuesAgentsAndRedisPing()
    {
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await StartAsync(web, RedisServer.Shared.Configuration);
        await using var _ = app;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(web, "/metrics")).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var queue = app.Services.GetRequiredService<DialplanRegistry>().Current.Queues.Keys.First();
        Assert.Contains($"switchboard_queue_waiting{{queue=\"{queue}\"}} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE switchboard_agents gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("switchboard_agents{state=\"Ready\"} 0\n", text, StringComparison.Ordinal);
        Assert.Matches(@"switchboard_redis_ping_seconds(\{\})? [0-9.E-]+\n", text);
        Assert.Contains("# TYPE switchboard_sip_security_events_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("switchboard_sip_security_events_total{event=\"source_banned\"} 0\n", text, StringComparison.Ordinal);
        Assert.Matches(@"switchboard_gc_collections_total\{generation=""0""\} [0-9]+\n", text);
        Assert.Matches(@"switchboard_gc_pause_seconds_total(\{\})? [0-9.E-]+\n", text);
        Assert.Matches(@"switchboard_gc_allocated_bytes_total(\{\})? [1-9][0-9]*\n", text); // the host has allocated by now
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("switchboard_", StringComparison.Ordinal), line));
        await app.StopAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Metrics_RedisKilledAfterStart_ScrapeServesTheLastReadingWithoutRedis()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await StartAsync(web, redis.Configuration);
        await using var _ = app;
        var refresher = app.Services.GetRequiredService<QueueFiguresRefresher>();
        Assert.True(refresher.Readings >= 1, "the first reading is taken before the node serves");
        using var http = new HttpClient();
        var queue = app.Services.GetRequiredService<DialplanRegistry>().Current.Queues.Keys.First();

        redis.Kill();
        for (var i = 0; i < 3; i++)
        {
            var text = await http.GetStringAsync(new Uri(web, "/metrics")).DefaultTimeout();
            Assert.Contains($"switchboard_queue_waiting{{queue=\"{queue}\"}} 0\n", text, StringComparison.Ordinal);
            Assert.Contains("switchboard_agents{state=\"Ready\"} 0\n", text, StringComparison.Ordinal);
        }

        await app.StopAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Metrics_ScrapedWithinTheInterval_ServesTheLastReadingWithoutReadingAgain()
    {
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await StartAsync(web, RedisServer.Shared.Configuration, refreshInterval: "00:10:00");
        await using var _ = app;
        var refresher = app.Services.GetRequiredService<QueueFiguresRefresher>();
        using var http = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("switchboard_agents{state=\"Ready\"} 0\n", await http.GetStringAsync(new Uri(web, "/metrics")).DefaultTimeout(), StringComparison.Ordinal);
        }

        Assert.Equal(1, refresher.Readings); // the one at start: younger than the interval, so no scrape read again
        await app.StopAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Metrics_Scraped_FiguresReadAgainInTheBackgroundEveryInterval()
    {
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await StartAsync(web, RedisServer.Shared.Configuration, refreshInterval: "00:00:01");
        await using var _ = app;
        var refresher = app.Services.GetRequiredService<QueueFiguresRefresher>();
        using var http = new HttpClient();
        Assert.Equal(TimeSpan.FromMinutes(2), refresher.WatchWindow);

        // One scrape (served from the last reading) wakes the reader, which then reads every second while the scrape
        // is younger than the watch window: several readings follow without another scrape.
        await http.GetStringAsync(new Uri(web, "/metrics")).DefaultTimeout();
        await Eventually.UntilAsync(() => refresher.Readings >= 3, "readings every Metrics:RefreshInterval after one scrape");

        await app.StopAsync().DefaultTimeout();
    }

    private static async Task<WebApplication> StartAsync(Uri web, string redis, string? refreshInterval = null)
    {
        var app = await SwitchboardHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:RefreshInterval"] = refreshInterval ?? "00:00:05",
            ["Sip:Port"] = LoopbackPorts.FreeUdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Web:Url"] = web.ToString(),
            ["Redis:Configuration"] = redis,
            ["Dialplan:Path"] = TestDialplan.Path,
            ["Acd:Tenant"] = RedisServerFixture.NewKeyPrefix(),
        })).DefaultTimeout();
        try
        {
            await SwitchboardHost.StartAsync(app).DefaultTimeout();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
