using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Store;
using Switchboard.Api.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>
/// The real gRPC API (<c>AddSwitchboardApi</c>/<c>MapSwitchboardApi</c>) on Kestrel on a free loopback port with a real
/// redis-server, one tenant per host, so sbctl talks to it over real HTTP/2 exactly as to the server.
/// </summary>
internal sealed class CliApiHost : IAsyncDisposable
{
    public const string AnnaToken = "cli-test-anna-0123456789";
    public const string SupervisorToken = "cli-test-sara-0123456789";

    private readonly WebApplication _app;

    private CliApiHost(WebApplication app, Uri url, AcdStore acd)
    {
        _app = app;
        Url = url;
        Acd = acd;
        Channel = GrpcChannel.ForAddress(url);
    }

    /// <summary>The API address to pass as <c>--url</c>.</summary>
    public Uri Url { get; }

    public AcdStore Acd { get; }

    public GrpcChannel Channel { get; }

    public Api.Supervisor.V1.SupervisorService.SupervisorServiceClient SupervisorClient => new(Channel);

    public Api.Agent.V1.AgentService.AgentServiceClient AgentClient => new(Channel);

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    /// <summary>Starts a host; give two hosts the same <paramref name="tenant"/> to make them two nodes of one cluster.</summary>
    public static async Task<CliApiHost> StartAsync(RedisServerFixture redis, string? tenant = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Tokens:0:Token"] = AnnaToken,
            ["Api:Tokens:0:Subject"] = "anna",
            ["Api:Tokens:0:Role"] = "agent",
            ["Api:Tokens:1:Token"] = SupervisorToken,
            ["Api:Tokens:1:Subject"] = "sara",
            ["Api:Tokens:1:Role"] = "supervisor",
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = tenant ?? RedisServerFixture.NewKeyPrefix(), NodeId = "cli-test" }, time);
        builder.Services.AddSingleton(acd);
        builder.Services.AddSingleton(new Acd.Callbacks.CallbackStore(redis.Connection, acd, new Acd.Callbacks.CallbackOptions(), time));
        builder.Services.AddSwitchboardApi(builder.Configuration);
        var app = builder.Build();
        app.MapSwitchboardApi();
        await app.StartAsync().DefaultTimeout();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CliApiHost(app, new Uri(address), acd);
    }

    /// <summary>Runs sbctl in-process on a pool thread (no test synchronisation context) with captured output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> SbctlAsync(params string[] args)
    {
        var result = await Task.Run(() =>
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = SbctlApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }).DefaultTimeout();
        return result;
    }

    /// <summary>Puts an agent into the directory through the supervisor API (phone account = the id), so it can sign in.</summary>
    public Task<Api.Supervisor.V1.DirectoryAgent> AddAgentAsync(string agentId, params string[] queues)
    {
        var entry = new Api.Supervisor.V1.DirectoryAgent { AgentId = agentId, DisplayName = agentId, PhoneUser = agentId, Enabled = true, Languages = { "sv", "en" } };
        entry.Queues.AddRange(queues);
        return SupervisorClient.CreateAgentAsync(new Api.Supervisor.V1.CreateAgentRequest { Agent = entry, PhonePassword = agentId + "-phone-pw" }, Bearer(SupervisorToken)).ResponseAsync;
    }

    /// <summary>Stops the host at once, aborting open calls and streams (as a killed node's clients see it), and disposes it.</summary>
    public async Task KillAsync()
    {
        Channel.Dispose();
        await _app.StopAsync(new CancellationToken(canceled: true)).DefaultTimeout();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
    }
}
