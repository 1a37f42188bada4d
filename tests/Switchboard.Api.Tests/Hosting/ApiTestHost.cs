using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Store;
using Switchboard.Api.Hosting;
using Switchboard.Api.Tests.Auth;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Hosting;

/// <summary>An in-process host running <c>AddSwitchboardApi</c>/<c>MapSwitchboardApi</c> on a real redis-server, one tenant per host.</summary>
internal sealed class ApiTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, GrpcChannel channel, AcdStore acd, FakeTimeProvider time)
    {
        _app = app;
        Channel = channel;
        Acd = acd;
        Time = time;
    }

    public GrpcChannel Channel { get; }

    public AcdStore Acd { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public Agent.V1.AgentService.AgentServiceClient AgentClient => new(Channel);

    public Supervisor.V1.SupervisorService.SupervisorServiceClient SupervisorClient => new(Channel);

    public static async Task<ApiTestHost> StartAsync(RedisServerFixture redis)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestTokens.Configuration());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "api-test" }, time);
        builder.Services.AddSingleton(acd);
        builder.Services.AddSingleton(new Acd.Callbacks.CallbackStore(redis.Connection, acd, new Acd.Callbacks.CallbackOptions(), time));
        builder.Services.AddSwitchboardApi(builder.Configuration);
        var app = builder.Build();
        app.MapSwitchboardApi();
        await app.StartAsync().DefaultTimeout();
        var server = app.GetTestServer();
        var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        return new ApiTestHost(app, channel, acd, time);
    }

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
    }
}
