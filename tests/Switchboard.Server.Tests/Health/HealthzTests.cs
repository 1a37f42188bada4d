using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Health;

public sealed class HealthzTests
{
    private static async Task<(WebApplication App, Uri Web, int SipPort)> StartHostAsync(string redisConfiguration)
    {
        var sipPort = LoopbackPorts.FreeUdpAndTcp();
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await SwitchboardHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip:Port"] = sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Web:Url"] = web.ToString(),
            ["Redis:Configuration"] = redisConfiguration,
            ["Dialplan:Path"] = TestDialplan.Path,
        })).DefaultTimeout();
        await SwitchboardHost.StartAsync(app).DefaultTimeout();
        return (app, web, sipPort);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(HttpClient http, Uri web)
    {
        using var response = await http.GetAsync(new Uri(web, "/healthz")).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Healthz_RedisUp_HealthyWithPingLatencyAndSipPorts()
    {
        var (app, web, sipPort) = await StartHostAsync(RedisServer.Shared.Configuration);
        await using var _ = app;
        using var http = new HttpClient();

        var (status, body) = await GetHealthAsync(http, web);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var redis = body.GetProperty("checks").GetProperty("redis");
        Assert.Equal("healthy", redis.GetProperty("status").GetString());
        Assert.True(redis.GetProperty("latencyMs").GetDouble() >= 0);
        var sip = body.GetProperty("checks").GetProperty("sip");
        Assert.Equal($"127.0.0.1:{sipPort}", sip.GetProperty("udp").GetString());
        Assert.Equal($"127.0.0.1:{sipPort}", sip.GetProperty("tcp").GetString());
    }

    [Fact]
    public async Task Healthz_RedisKilled_Unhealthy503ThenHealthyAfterRestart()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        var (app, web, _) = await StartHostAsync(redis.Configuration);
        await using var __ = app;
        using var http = new HttpClient();

        redis.Kill();
        var (status, body) = await GetHealthAsync(http, web);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("sip").GetProperty("status").GetString());

        await redis.RestartAsync().DefaultTimeout();
        await PollUntilHealthyAsync(http, web, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Healthz_OnApiPort_NotServed()
    {
        var apiPort = RedisServer.FreeTcpPort();
        await using var app = await SwitchboardHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip:Port"] = LoopbackPorts.FreeUdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{apiPort}",
            ["Web:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Redis:Configuration"] = RedisServer.Shared.Configuration,
            ["Dialplan:Path"] = TestDialplan.Path,
        })).DefaultTimeout();
        await SwitchboardHost.StartAsync(app).DefaultTimeout();
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{apiPort}/healthz")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task PollUntilHealthyAsync(HttpClient http, Uri web, TimeSpan deadline) =>
        Eventually.UntilAsync(async () => (await GetHealthAsync(http, web)).Item1 == HttpStatusCode.OK, "/healthz answers 200", deadline);
}
