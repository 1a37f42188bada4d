using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using AgentSkill = Switchboard.Acd.Agents.AgentSkill;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Store;
using Switchboard.Api.Hosting;
using Switchboard.Api.Tests.Auth;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Hosting;

/// <summary>An in-process host running <c>AddSwitchboardApi</c>/<c>MapSwitchboardApi</c> on a real redis-server, one tenant per host.</summary>
internal sealed class ApiTestHost : IAsyncDisposable
{
    /// <summary>The phone password <see cref="AddAgentAsync"/> gives every agent.</summary>
    public const string PhonePassword = "phone-secret-pw";

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

    /// <summary>
    /// Puts an agent into the directory as a supervisor would (phone account = the id, password
    /// <see cref="PhonePassword"/>), so the agent can sign in; returns the stored entry.
    /// </summary>
    public async Task<DirectoryAgent> AddAgentAsync(string agentId, string[] queues, string[]? languages = null, AgentSkill[]? skills = null, bool enabled = true)
    {
        var directory = Services.GetRequiredService<DirectoryStore>();
        var entry = new DirectoryAgent(agentId, agentId + " (test)", agentId, queues, skills ?? [], languages ?? ["sv", "en"], enabled,
            PhoneSecret.FromPassword(agentId, "switchboard", PhonePassword));
        var (result, stored) = await directory.CreateAsync(entry, "sara").DefaultTimeout();
        if (result == DirectoryWriteResult.Exists)
        {
            (result, stored) = await directory.UpdateAsync(entry, "sara").DefaultTimeout();
        }

        Assert.Equal(DirectoryWriteResult.Ok, result);
        return stored!;
    }

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
    }
}
