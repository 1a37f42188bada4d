using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// docker/compose.yaml built and run (issue 17): <c>docker/compose-up.sh</c> builds the images without a registry and
/// brings Kamailio, Redis + Sentinel and two nodes up (host networking on 127.0.61.*); a SIPp call through Kamailio is
/// offered to an agent signed in over the API and bridged to her phone; <c>docker-compose down</c> leaves no
/// container behind. Opt-in (<see cref="ComposeFactAttribute"/>).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ComposeTests
{
    private const string Net = "127.0.61";
    private const string Project = "switchboard-test";

    [ComposeFact]
    public async Task ComposeStack_CallThroughKamailio_OfferedToAnAgentSignedInOverTheApi_DownLeavesNothingRunning()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb-compose-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var overrideFile = Path.Combine(directory, "compose.test.yaml");
        await File.WriteAllTextAsync(overrideFile, OverrideYaml());
        try
        {
            await RunAsync(TimeSpan.FromMinutes(20), overrideFile, Path.Combine(RepositoryPaths.Root, "docker", "compose-up.sh"), "--start-daemon");

            await using var agent = await AgentSteps.SignInAsync([new Uri($"http://{Net}.11:5090"), new Uri($"http://{Net}.12:5090")]);
            await using var phone = await AgentSteps.StartPhoneAsync($"{Net}.10:5060");
            await using var acd = await ClusterAcd.ConnectAsync($"{Net}.20:6379");
            var call = await AgentSteps.TalkToCallerAsync(agent, phone, acd, $"{Net}.10:5060", $"{Net}.5");
            Assert.Equal(1, call.AgentNode);
            Assert.Contains(call.CallNode, new[] { "node-1", "node-2" });
        }
        finally
        {
            await RunAsync(TimeSpan.FromMinutes(2), overrideFile, "docker-compose", "-p", Project, "-f", Path.Combine(RepositoryPaths.Root, "docker", "compose.yaml"),
                "-f", overrideFile, "down", "-v", "--timeout", "5");
            var left = await RunAsync(TimeSpan.FromMinutes(1), overrideFile, "docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + Project);
            Directory.Delete(directory, recursive: true);
            Assert.Equal(string.Empty, left); // nothing running, nothing left
        }
    }

    /// <summary>The test's additions: the agent and supervisor tokens, and the BBMT test dialplan (with its prompts).</summary>
    private static string OverrideYaml()
    {
        var environment = string.Join('\n', AgentSteps.ApiTokens.Append(new("Dialplan__Path", "/fixtures/transfers-callbacks.yaml"))
            .Select(e => $"      {e.Key}: \"{e.Value}\""));
        var fixtures = Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Calls", "Fixtures");
        var dialplans = Path.Combine(RepositoryPaths.Root, "dialplans");
        var node = $"""
                environment:
            {environment}
                volumes:
                  - {fixtures}:/fixtures:ro
                  - {dialplans}:/dialplans:ro
            """;
        return $"services:\n  switchboard-1:\n{node}\n  switchboard-2:\n{node}\n";
    }

    /// <summary>Runs a command with SB_NET, the project and the override set (and the daemon compose-up.sh starts).</summary>
    private static Task<string> RunAsync(TimeSpan timeout, string overrideFile, string command, params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["SB_NET"] = Net,
            ["COMPOSE_PROJECT_NAME"] = Project,
            ["SB_COMPOSE_OVERRIDE"] = overrideFile,
        };
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && File.Exists("/run/switchboard-docker.sock"))
        {
            environment["DOCKER_HOST"] = "unix:///run/switchboard-docker.sock";
        }

        return ScriptRun.RunAsync(command, arguments, environment, timeout);
    }
}
