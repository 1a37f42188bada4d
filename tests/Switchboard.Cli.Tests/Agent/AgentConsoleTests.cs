using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Terminal;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>The agent console against the real gRPC API on Kestrel and a real redis-server.</summary>
public sealed class AgentConsoleTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private CliApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CliApiHost.StartAsync(redis);
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
        await _host.AddAgentAsync("anna", "bygglov").DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_SignInThenReadyAndPause_StatesFollowAndSignsOutOnQuit()
    {
        var input = new LineReader();
        var output = new LineWriter();
        var options = Options(["--queue", "bygglov", "--language", "sv", "--language", "en"]);
        var run = StartConsole(options, input, output);

        await output.WaitForAsync("signed in: anna: paused (other)").DefaultTimeout();
        await output.WaitForAsync("state paused (other)").DefaultTimeout();

        input.Type("ready");
        await output.WaitForAsync("state ready").DefaultTimeout();
        Assert.Equal(Switchboard.Acd.Agents.AgentState.Ready, (await _host.Acd.GetAgentAsync("anna").DefaultTimeout())!.State);

        input.Type("pause lunch");
        await output.WaitForAsync("state paused (lunch)").DefaultTimeout();

        input.Type("quit");
        Assert.Equal(0, await run.DefaultTimeout());
        Assert.Contains(output.Lines, l => l.StartsWith("signed out", StringComparison.Ordinal));
        Assert.Equal(Switchboard.Acd.Agents.AgentState.LoggedOut, (await _host.Acd.GetAgentAsync("anna").DefaultTimeout())!.State);
    }

    [Fact]
    public async Task RunAsync_AutoAcceptAutoWrapUp_HandlesOneCallAndExits()
    {
        var input = new LineReader();
        input.EndInput();
        var output = new LineWriter();
        var options = Options(["--queue", "bygglov", "--ready", "--auto-accept", "--auto-wrapup", "resolved", "--exit-after-calls", "1"]);
        var run = StartConsole(options, input, output);
        await output.WaitForAsync("state ready").DefaultTimeout();

        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-a1", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();
        var offer = await output.WaitForAsync("offer: call call-a1").DefaultTimeout();
        Assert.Contains("from +46701234567, queue bygglov", offer, StringComparison.Ordinal);
        Assert.Contains("language sv", offer, StringComparison.Ordinal);
        await output.WaitForAsync("accepted: call call-a1").DefaultTimeout();

        await _host.Acd.CallAnsweredAsync("call-a1").DefaultTimeout();
        await _host.Acd.CallEndedAsync("call-a1").DefaultTimeout();

        Assert.Equal(0, await run.DefaultTimeout());
        await output.WaitForAsync("wrap-up done (resolved)").DefaultTimeout();
        await output.WaitForAsync("done: 1 call(s)").DefaultTimeout();
        var stats = await _host.AgentClient.GetMyStatisticsAsync(new GetMyStatisticsRequest(), CliApiHost.Bearer(CliApiHost.AnnaToken)).ResponseAsync.DefaultTimeout();
        Assert.Equal(1, stats.Accepted);
        Assert.Equal(1, stats.Outcomes["resolved"]);
    }

    [Fact]
    public async Task RunAsync_TypedAcceptAndWrapUpWithNote_OutcomeRecorded()
    {
        var input = new LineReader();
        var output = new LineWriter();
        var options = Options(["--queue", "bygglov", "--ready"]);
        var run = StartConsole(options, input, output);
        await output.WaitForAsync("state ready").DefaultTimeout();

        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-m1", "bygglov", [], "sv", 0, "+4613000000")).DefaultTimeout();
        await output.WaitForAsync("offer: call call-m1").DefaultTimeout();
        input.Type("accept");
        await output.WaitForAsync("accepted: call call-m1").DefaultTimeout();
        await _host.Acd.CallAnsweredAsync("call-m1").DefaultTimeout();
        await _host.Acd.CallEndedAsync("call-m1").DefaultTimeout();
        await output.WaitForAsync("wrap-up: call call-m1").DefaultTimeout();

        input.Type("wrapup callback_needed \"ring tillbaka efter 14\"");
        await output.WaitForAsync("wrap-up done (callback_needed)").DefaultTimeout();
        input.Type("stats");
        var stats = await output.WaitForAsync("today: offers 1").DefaultTimeout();
        Assert.Contains("callback_needed 1", stats, StringComparison.Ordinal);

        input.EndInput();
        Assert.Equal(0, await run.DefaultTimeout());
    }

    [Fact]
    public async Task RunAsync_BadCommands_PrintErrorsAndKeepRunning()
    {
        var input = new LineReader();
        var output = new LineWriter();
        var options = Options(["--queue", "bygglov", "--ready"]);
        var run = StartConsole(options, input, output);
        await output.WaitForAsync("state ready").DefaultTimeout();

        input.Type("pause nap");
        await output.WaitForAsync("error: pause lunch|meeting|training|other").DefaultTimeout();
        input.Type("accept");
        await output.WaitForAsync("error: no offer to accept").DefaultTimeout();
        input.Type("wrapup resolved");
        await output.WaitForAsync("error: wrapup: not allowed now").DefaultTimeout();
        input.Type("dance");
        await output.WaitForAsync("error: unknown command 'dance'").DefaultTimeout();
        input.Type("status");
        await output.WaitForAsync("state ready").DefaultTimeout();

        input.Type("quit");
        Assert.Equal(0, await run.DefaultTimeout());
    }

    [Fact]
    public async Task RunAsync_WrongToken_ExitsWithUnauthenticated()
    {
        var output = new LineWriter();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(_host.Url);
        var console = new AgentConsole(new AgentService.AgentServiceClient(channel), CliApiHost.Bearer("not-a-valid-token-000000"), Options(["--queue", "bygglov"]), output, output);

        var code = await Task.Run(() => console.RunAsync(new LineReader(), CancellationToken.None)).DefaultTimeout();

        Assert.Equal(1, code);
        await output.WaitForAsync("error: not authenticated").DefaultTimeout();
    }

    private Task<int> StartConsole(AgentConsoleOptions options, LineReader input, LineWriter output)
    {
        var client = _host.AgentClient;
        var console = new AgentConsole(client, CliApiHost.Bearer(CliApiHost.AnnaToken), options, output, output);
        return Task.Run(() => console.RunAsync(input, CancellationToken.None));
    }

    /// <summary>Console options from sbctl agent flags, through the command's own option check.</summary>
    private static AgentConsoleOptions Options(string[] flags)
    {
        var queues = new List<string>();
        var languages = new List<string>();
        string? wrapUp = null;
        int? exitAfter = null;
        bool ready = false, autoAccept = false;
        for (var i = 0; i < flags.Length; i++)
        {
            switch (flags[i])
            {
                case "--queue": queues.Add(flags[++i]); break;
                case "--language": languages.Add(flags[++i]); break;
                case "--auto-wrapup": wrapUp = flags[++i]; break;
                case "--exit-after-calls": exitAfter = int.Parse(flags[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--ready": ready = true; break;
                case "--auto-accept": autoAccept = true; break;
                default: throw new ArgumentException(flags[i]);
            }
        }

        return Switchboard.Cli.Commands.AgentCommand.BuildOptions(null, true, [.. queues], [.. languages], ready, autoAccept, wrapUp, exitAfter, false, TextWriter.Null)
            ?? throw new ArgumentException("bad flags");
    }
}
