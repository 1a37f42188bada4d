using System.Net;
using Microsoft.Extensions.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Web;

public sealed class IndexPageTests
{
    [Fact]
    public async Task GetRoot_LinksWallboardHealthMetricsAndSaysWhetherTheLineIsOpen()
    {
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await SwitchboardHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip:Port"] = LoopbackPorts.FreeUdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Web:Url"] = web.ToString(),
            ["Redis:Configuration"] = RedisServer.Shared.Configuration,
            ["Dialplan:Path"] = Path.Combine(RepositoryPaths.Dialplans, "demo.yaml"),
        })).DefaultTimeout();
        await using var _ = app;
        await SwitchboardHost.StartAsync(app).DefaultTimeout();
        using var http = new HttpClient();

        using var response = await http.GetAsync(web).DefaultTimeout();
        var html = await response.Content.ReadAsStringAsync().DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("href=\"/console\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/wallboard\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/healthz\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/metrics\"", html, StringComparison.Ordinal);
        Assert.Contains("docs/index.md", html, StringComparison.Ordinal);
        Assert.Contains("Demo (dygnet runt) (Europe/Stockholm, ", html, StringComparison.Ordinal);
        Assert.Contains("open now (weekly), around the clock.", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/console", "/wallboard", "/healthz", "/metrics" })
        {
            using var linked = await http.GetAsync(new Uri(web, link)).DefaultTimeout();
            Assert.True(linked.IsSuccessStatusCode, $"{link}: {(int)linked.StatusCode}");
        }
    }
}
