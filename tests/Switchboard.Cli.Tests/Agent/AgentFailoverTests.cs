using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Terminal;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>
/// <c>sbctl agent</c> given several nodes' API addresses (a cluster): two real gRPC hosts on one real redis-server and
/// one tenant, the console moving to the other when the one it uses is gone.
/// </summary>
public sealed class AgentFailoverTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RunAsync_NodeInUseStops_StreamReopensOnTheOtherNodeAndTheAgentTakesTheNextCallThere()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var first = await CliApiHost.StartAsync(redis, tenant);
        await using var second = await CliApiHost.StartAsync(redis, tenant);
        var firstStopped = false;
        try
        {
            await second.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
            await second.AddAgentAsync("anna", "bygglov").DefaultTimeout();
            var output = new LineWriter();
            var input = new LineReader();
            var options = Switchboard.Cli.Commands.AgentCommand.BuildOptions(null, true, ["bygglov"], [], true, true, null, null, false, TextWriter.Null)!;
            var endpoints = new AgentEndpoints([first.AgentClient, second.AgentClient]);
            var console = new AgentConsole(endpoints, CliApiHost.Bearer(CliApiHost.AnnaToken), options, output, output);
            var run = Task.Run(() => console.RunAsync(input, CancellationToken.None));
            await output.WaitForAsync("signed in: anna: ready").DefaultTimeout();
            await output.WaitForAsync("state ready").DefaultTimeout();
            Assert.Equal(0, endpoints.Current);

            // Node 1 goes away: the stream breaks, the console reopens it on node 2 (which replays the agent's state).
            var before = output.Lines.Count;
            await first.KillAsync();
            firstStopped = true;
            await output.WaitForAsync("event stream lost on node 1").DefaultTimeout();
            await output.WaitForAsync("state ready", before).DefaultTimeout();
            Assert.Equal(1, endpoints.Current);

            // The agent is still signed in and ready (state in Redis): the next caller is offered on node 2's stream and
            // auto-accepted there.
            await second.Acd.EnqueueAsync(new EnqueueRequest("call-f1", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();
            await output.WaitForAsync("accepted: call call-f1").DefaultTimeout();
            var agent = await second.Acd.GetAgentAsync("anna").DefaultTimeout();
            Assert.Equal((Acd.Agents.AgentState.OnCall, "call-f1"), (agent!.State, agent.CallId));

            input.Type("quit");
            Assert.Equal(0, await run.DefaultTimeout());
        }
        finally
        {
            if (!firstStopped)
            {
                await first.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Sbctl_AgentWithCommaListWhoseFirstNodeIsDown_SignsInOnTheNextAndTakesACall()
    {
        await using var host = await CliApiHost.StartAsync(redis);
        await host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
        await host.AddAgentAsync("anna", "bygglov").DefaultTimeout();
        var down = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}"; // nothing listens there

        var run = CliApiHost.SbctlAsync(
            "agent", "--url", $"{down},{host.Url}", "--token", CliApiHost.AnnaToken, "--queue", "bygglov", "--ready",
            "--auto-accept", "--auto-wrapup", "resolved", "--exit-after-calls", "1");
        await Eventually.UntilAsync(
            async () => (await host.Acd.GetAgentAsync("anna"))?.State == Acd.Agents.AgentState.Ready, "anna signed in and ready through the second URL");
        await host.Acd.EnqueueAsync(new EnqueueRequest("call-s1", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();
        await Eventually.UntilAsync(
            async () => (await host.Acd.GetAgentAsync("anna"))?.State == Acd.Agents.AgentState.OnCall, "the offer auto-accepted");
        await host.Acd.CallAnsweredAsync("call-s1").DefaultTimeout();
        await host.Acd.CallEndedAsync("call-s1").DefaultTimeout();

        var (code, output, error) = await run;
        Assert.True(code == 0, output + error);
        Assert.Contains("done: 1 call(s)", output, StringComparison.Ordinal);
        var stats = await host.AgentClient.GetMyStatisticsAsync(new GetMyStatisticsRequest(), CliApiHost.Bearer(CliApiHost.AnnaToken)).ResponseAsync.DefaultTimeout();
        Assert.Equal(1, stats.Accepted);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5090,ftp://x")]
    [InlineData(",")]
    public async Task Sbctl_AgentWithBadUrlList_ExitCode2WithReason(string urls)
    {
        var (code, _, error) = await CliApiHost.SbctlAsync("agent", "--url", urls, "--token", CliApiHost.AnnaToken);

        Assert.Equal(2, code);
        Assert.StartsWith("sbctl: ", error, StringComparison.Ordinal);
    }
}
