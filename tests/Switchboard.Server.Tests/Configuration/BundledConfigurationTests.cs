using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Configuration;

/// <summary>The repository's appsettings.json with each bundled dialplan passes every start-up check (ValidateOnStart included).</summary>
public sealed class BundledConfigurationTests
{
    [Theory]
    [InlineData("kommun.yaml")]
    [InlineData("demo.yaml")]
    public async Task Start_BundledAppSettingsAndDialplan_StartsCleanlyWithTracingOff(string dialplan)
    {
        var web = new Uri($"http://127.0.0.1:{RedisServer.FreeTcpPort()}");
        var app = await SwitchboardHost.BuildAsync([], builder => builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", "Switchboard.Server", "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sip:Port"] = LoopbackPorts.FreeUdpAndTcp().ToString(CultureInfo.InvariantCulture),
                ["Api:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
                ["Web:Url"] = web.ToString(),
                ["Redis:Configuration"] = RedisServer.Shared.Configuration,
                ["Dialplan:Path"] = Path.Combine(RepositoryPaths.Dialplans, dialplan),
                ["Acd:Tenant"] = RedisServerFixture.NewKeyPrefix(),
            })).DefaultTimeout();
        await using var _ = app;

        await SwitchboardHost.StartAsync(app).DefaultTimeout();
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(web, "/healthz")).DefaultTimeout();

        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}");
        Assert.Null(app.Services.GetService<TracerProvider>()); // no Tracing:OtlpEndpoint: no tracer provider, no spans
        await app.StopAsync().DefaultTimeout();
    }
}
