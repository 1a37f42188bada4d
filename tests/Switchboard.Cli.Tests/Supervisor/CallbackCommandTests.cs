using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Tests.Agent;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Supervisor;

/// <summary><c>sbctl agent callbacks ...</c> and <c>sbctl supervisor callbacks ...</c> in-process against the real gRPC API and redis-server.</summary>
public sealed class CallbackCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private CliApiHost _host = null!;
    private CallbackStore _callbacks = null!;

    public async Task InitializeAsync()
    {
        _host = await CliApiHost.StartAsync(redis);
        _callbacks = new CallbackStore(redis.Connection, _host.Acd, new CallbackOptions(), TimeProvider.System);
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        await _host.AddAgentAsync("anna", "bsu").DefaultTimeout();
        await _host.AgentClient.SignInAsync(
            new SignInRequest { StartPaused = true, PauseReason = PauseReason.Meeting },
            CliApiHost.Bearer(CliApiHost.AnnaToken)).ResponseAsync.DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AgentCallbacks_ListClaimComplete_ThroughTheApi()
    {
        var id = (await _callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;

        var list = await AgentAsync("list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(id, list.Output, StringComparison.Ordinal);
        Assert.Contains("+46701234567", list.Output, StringComparison.Ordinal);
        Assert.Contains("pending", list.Output, StringComparison.Ordinal);

        var claim = await AgentAsync("claim", id);
        Assert.Equal(0, claim.ExitCode);
        Assert.Contains($"{id}: claimed, call +46701234567", claim.Output, StringComparison.Ordinal);

        var complete = await AgentAsync("complete", id, "--outcome", "busy");
        Assert.Equal(0, complete.ExitCode);
        Assert.Contains("retry_waiting", complete.Output, StringComparison.Ordinal);
        Assert.Equal(Acd.Callbacks.CallbackOutcome.Busy, (await _callbacks.GetAsync(id).DefaultTimeout())!.Outcome);

        var cancel = await AgentAsync("cancel", id);
        Assert.Equal(0, cancel.ExitCode);
        var again = await AgentAsync("claim", id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not allowed while the callback is Closed", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorCallbacks_ListThenCancel_GoneFromTheList()
    {
        var id = (await _callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;

        var list = await SupervisorAsync("list", "--queue", "bsu");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(id, list.Output, StringComparison.Ordinal);

        var cancel = await SupervisorAsync("cancel", id, "--reason", "dubblett");
        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains($"{id}: cancelled", cancel.Output, StringComparison.Ordinal);

        var after = await SupervisorAsync("list");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("no open callbacks", after.Output, StringComparison.Ordinal);
        var missing = await SupervisorAsync("cancel", "cb-nope");
        Assert.Equal(1, missing.ExitCode);
    }

    private Task<(int ExitCode, string Output, string Error)> AgentAsync(params string[] args) =>
        CliApiHost.SbctlAsync(["agent", "callbacks", "--url", _host.Url.ToString(), "--token", CliApiHost.AnnaToken, .. args]);

    private Task<(int ExitCode, string Output, string Error)> SupervisorAsync(params string[] args) =>
        CliApiHost.SbctlAsync(["supervisor", "--url", _host.Url.ToString(), "--token", CliApiHost.SupervisorToken, "callbacks", .. args]);
}
