using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Tests.Agent;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Supervisor;

/// <summary><c>sbctl supervisor ...</c> in-process against the real gRPC API on Kestrel and a real redis-server.</summary>
public sealed class SupervisorCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private CliApiHost _host = null!;

    public async Task InitializeAsync() => _host = await CliApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Grpc.Core.Metadata Sara => CliApiHost.Bearer(CliApiHost.SupervisorToken);

    [Fact]
    public async Task Emergency_OnThenOff_VisibleThroughApi()
    {
        var on = await SupervisorAsync("emergency", "on", "--prompt", "storm", "--closed");
        Assert.Equal(0, on.ExitCode);
        Assert.Contains("emergency message on: storm, then line closed, by sara", on.Output, StringComparison.Ordinal);
        Assert.True((await FirstSnapshotAsync()).EmergencyEnabled);

        var queues = await SupervisorAsync("queues");
        Assert.Equal(0, queues.ExitCode);
        Assert.Contains("EMERGENCY MESSAGE ON", queues.Output, StringComparison.Ordinal);

        var off = await SupervisorAsync("emergency", "off");
        Assert.Equal(0, off.ExitCode);
        Assert.Contains("emergency message off", off.Output, StringComparison.Ordinal);
        Assert.False((await FirstSnapshotAsync()).EmergencyEnabled);
    }

    [Fact]
    public async Task DialplanValidate_BrokenFile_ErrorsWithLineAndExit1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sbctl-broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "name: test\nmenus:\n  main: [unclosed\n").DefaultTimeout();
        try
        {
            var (code, output, _) = await SupervisorAsync("dialplan", "validate", file);

            Assert.Equal(1, code);
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: error: ", output);
            Assert.Contains("invalid (", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DialplanPublishAndRollback_Kommun_VersionsInHistory()
    {
        var kommun = Path.Combine(Commands.CliHarness.RepoRoot, "dialplans", "kommun.yaml");
        var validate = await SupervisorAsync("dialplan", "validate", kommun);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains(": valid", validate.Output, StringComparison.Ordinal);

        var publish = await SupervisorAsync("dialplan", "publish", kommun, "--comment", "första");
        Assert.Equal(0, publish.ExitCode);
        Assert.Contains("published version 1 by sara", publish.Output, StringComparison.Ordinal);

        var rollback = await SupervisorAsync("dialplan", "rollback", "1", "--comment", "tillbaka");
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("published version 2 by sara", rollback.Output, StringComparison.Ordinal);
        Assert.Contains("(rollback of 1)", rollback.Output, StringComparison.Ordinal);

        var history = await SupervisorAsync("dialplan", "show", "--history", "5");
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("version 2 by sara", history.Output, StringComparison.Ordinal);
        Assert.Contains("version 1 by sara", history.Output, StringComparison.Ordinal);

        var yaml = await SupervisorAsync("dialplan", "show");
        Assert.Equal(await File.ReadAllTextAsync(kommun).DefaultTimeout(), yaml.Output);

        var missing = await SupervisorAsync("dialplan", "rollback", "99");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("not found", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoursSetThenGet_LiveOverrideWithException()
    {
        var set = await SupervisorAsync("hours", "set", "--weekly", "1-5=08:00-16:00", "--lunch", "12:00-13:00", "--exception", "2026-12-24=closed;Julafton");
        Assert.Equal(0, set.ExitCode);

        var get = await SupervisorAsync("hours", "get");
        Assert.Equal(0, get.ExitCode);
        Assert.Contains("opening hours (live, by sara", get.Output, StringComparison.Ordinal);
        Assert.Contains("Mon  08:00-16:00", get.Output, StringComparison.Ordinal);
        Assert.Contains("Fri  08:00-16:00", get.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sat", get.Output, StringComparison.Ordinal);
        Assert.Contains("2026-12-24  closed (Julafton)", get.Output, StringComparison.Ordinal);
        var api = await _host.SupervisorClient.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();
        Assert.Equal("live", api.Source);
        Assert.Equal(5, api.Weekly.Count);

        var bad = await SupervisorAsync("hours", "set", "--weekly", "1-5=25:00-26:00");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("invalid argument", bad.Error, StringComparison.Ordinal);

        var badFlag = await SupervisorAsync("hours", "set", "--weekly", "8=08:00-16:00");
        Assert.Equal(2, badFlag.ExitCode);
    }

    [Fact]
    public async Task AgentsAndForceState_SignedInAgent_ListedThenLoggedOut()
    {
        await _host.AddAgentAsync("anna", "bygglov").DefaultTimeout();
        var signIn = new Api.Agent.V1.SignInRequest();
        await _host.AgentClient.SignInAsync(signIn, CliApiHost.Bearer(CliApiHost.AnnaToken)).ResponseAsync.DefaultTimeout();

        var agents = await SupervisorAsync("agents");
        Assert.Equal(0, agents.ExitCode);
        Assert.Matches(@"anna\s+ready\s", agents.Output);

        var force = await SupervisorAsync("force-state", "anna", "logout", "--reason", "gick hem");
        Assert.Equal(0, force.ExitCode);
        Assert.Contains("anna: signed_out", force.Output, StringComparison.Ordinal);
        Assert.Equal(Switchboard.Acd.Agents.AgentState.LoggedOut, (await _host.Acd.GetAgentAsync("anna").DefaultTimeout())!.State);

        var invalid = await SupervisorAsync("force-state", "anna", "dance");
        Assert.NotEqual(0, invalid.ExitCode);
    }

    [Fact]
    public async Task Supervisor_AgentToken_PermissionDenied()
    {
        var (code, _, error) = await CliApiHost.SbctlAsync("supervisor", "--url", _host.Url.ToString(), "--token", CliApiHost.AnnaToken, "emergency", "off");

        Assert.Equal(1, code);
        Assert.Contains("permission denied", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_NoServer_UnavailableExit1()
    {
        var port = RedisServer.FreeTcpPort();
        var (code, _, error) = await CliApiHost.SbctlAsync("supervisor", "--url", $"http://127.0.0.1:{port}", "--token", CliApiHost.SupervisorToken, "agents");

        Assert.Equal(1, code);
        Assert.Contains("sbctl: ", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> SupervisorAsync(params string[] args) =>
        CliApiHost.SbctlAsync(["supervisor", "--url", _host.Url.ToString(), "--token", CliApiHost.SupervisorToken, .. args]);

    private async Task<QueueSnapshot> FirstSnapshotAsync()
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var call = _host.SupervisorClient.WatchQueues(new WatchQueuesRequest(), Sara, cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).DefaultTimeout());
        return call.ResponseStream.Current;
    }
}
