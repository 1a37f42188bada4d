using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.FirstHour;

/// <summary>
/// README "Trying it by hand", run as written: the set-up block in every shell, then the three terminals (start the
/// server on dialplans/demo.yaml; the supervisor adds the agent to the directory, the agent signs in from it with the
/// built-in phone registered with the directory account; call and press 1), each a real process.
/// Only the fixed ports are moved to free ones (and the shared test Redis given), so it runs beside other tests.
/// demo.yaml is open around the clock (OpeningForecastTests proves it for a holiday night), so this holds at any hour,
/// including the nights and weekends when kommun.yaml is closed.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed partial class ReadmeTryingItTests
{
    [Fact]
    public async Task ReadmeTryingIt_ThreeTerminals_AgentIsOfferedTheCallAndBothSidesRecordEachOther()
    {
        var (setup, terminals) = ReadmeCommands();
        Assert.Equal(4, terminals.Count);
        Assert.Contains("./run.sh", terminals[0], StringComparison.Ordinal);
        Assert.StartsWith("sbctl supervisor agents create ", terminals[1], StringComparison.Ordinal);
        Assert.StartsWith("sbctl agent ", terminals[2], StringComparison.Ordinal);
        Assert.StartsWith("sbctl call ", terminals[3], StringComparison.Ordinal);

        var sipPort = LoopbackPorts.FreeUdpAndTcp();
        var apiUrl = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}";
        var webUrl = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}";
        var tenant = "rd" + Guid.NewGuid().ToString("N")[..10];
        var work = Workspace();
        var environment = new Dictionary<string, string>
        {
            ["Sip__Port"] = sipPort.ToString(CultureInfo.InvariantCulture),
            ["Api__Url"] = apiUrl,
            ["SB_API_URL"] = apiUrl,
            ["Web__Url"] = webUrl,
            ["Redis__Configuration"] = RedisServer.Shared.Configuration,
            ["Acd__Tenant"] = tenant,
            ["SB_NO_BUILD"] = "1",
            ["SB_CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name,
            ["SB_ARTIFACTS"] = ArtifactsRoot(),
        };
        string Moved(string command) => SipPortPattern().Replace(command, $"127.0.0.1:{sipPort}");

        var processes = new List<(Process Process, OutputTail Output)>();
        try
        {
            var server = Start(work, setup, Moved(terminals[0]), environment);
            processes.Add(server);
            await WaitHealthyAsync(new Uri(webUrl + "/healthz"), server);

            using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
            await using var acd = new AcdStore(redis, new AcdOptions { Tenant = tenant, NodeId = "test-reader" }, TimeProvider.System);
            // The supervisor puts anna into the agent directory (once), then the agent console signs her in from it.
            var create = Start(work, setup, Moved(terminals[1]), environment);
            processes.Add(create);
            await create.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(create.Process.ExitCode == 0, "sbctl supervisor agents create: " + create.Output);
            var agent = Start(work, setup, Moved(terminals[2]), environment);
            processes.Add(agent);
            await WaitUntilAsync(async () => (await acd.GetAgentAsync("anna"))?.State == AgentState.Ready, agent, "agent anna ready");

            var caller = Start(work, setup, Moved(terminals[3]), environment);
            processes.Add(caller);
            await caller.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(caller.Process.ExitCode == 0, "sbctl call: " + caller.Output);

            var events = await acd.ReadEventsAsync(null, 10_000).DefaultTimeout();
            Assert.Contains(events, e => e.Type == AcdEventType.Offered && e.AgentId == "anna");
            Assert.Contains(events, e => e.Type == AcdEventType.Answered && e.AgentId == "anna");

            // The agent's phone writes its recording when the server's BYE ends its leg.
            var agentRecording = Path.Combine(work, "agent.wav");
            await WaitUntilAsync(() => Task.FromResult(File.Exists(agentRecording) && new FileInfo(agentRecording).Length > 44), agent, "agent.wav written");
            var heardByAgent = PcmRecording.Read(agentRecording);
            var heardByCaller = PcmRecording.Read(Path.Combine(work, "caller.wav"));
            Assert.True(heardByAgent.Duration > TimeSpan.FromSeconds(2), $"agent.wav {heardByAgent.Duration}");
            Assert.True(heardByAgent.ToneRatio(660) > 0.5, $"the agent heard the caller's 660 Hz: {heardByAgent.ToneRatio(660):0.00}");
            var callerTail = HeardAudio.Tail(heardByCaller, TimeSpan.FromSeconds(2));
            Assert.True(callerTail.ToneRatio(440) > 0.5, $"the caller heard the agent's 440 Hz at the end: {callerTail.ToneRatio(440):0.00}");
        }
        finally
        {
            foreach (var (process, _) in Enumerable.Reverse(processes))
            {
                Stop(process);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The set-up block (exports) and the terminal block's commands from README's "Trying it by hand".</summary>
    internal static (string Setup, IReadOnlyList<string> Terminals) ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## Trying it by hand", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'Trying it by hand' section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var blocks = CodeBlock().Matches(section).Select(m => m.Groups["body"].Value).ToList();
        Assert.True(blocks.Count >= 2, "README's trying-it section needs a set-up block and a terminals block");
        var terminals = blocks[1].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("# terminal", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf("# terminal", StringComparison.Ordinal)].Trim())
            .ToList();
        return (blocks[0], terminals);
    }

    private static (Process Process, OutputTail Output) Start(string work, string setup, string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = work,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // The set-up block as written, then our port moves (they must win over any default), then the command.
        var moves = string.Join("\n", environment.Select(kv => $"export {kv.Key}='{kv.Value}'"));
        start.ArgumentList.Add($"set -e\n{setup}\n{moves}\nexec env {command}");
        start.Environment.Remove("ASPNETCORE_URLS");
        var process = Process.Start(start)!;
        var output = new OutputTail();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                PosixSignal.Send(process.Id, PosixSignal.Terminate);
                if (!process.WaitForExit(15_000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }

        process.Dispose();
    }

    private static async Task WaitHealthyAsync(Uri health, (Process Process, OutputTail Output) server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(health);
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, server, "run.sh healthy", TestTimeouts.ProcessStart + TimeSpan.FromSeconds(30));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, (Process Process, OutputTail Output) process, string what, TimeSpan? timeout = null)
    {
        var reached = await Eventually.TryUntilAsync(async () =>
        {
            Assert.False(process.Process.HasExited, $"{what}: the process exited with {(process.Process.HasExited ? process.Process.ExitCode : 0)}: {process.Output}");
            return await condition();
        }, held => held, timeout ?? TimeSpan.FromSeconds(30));
        Assert.True(reached.Reached, $"{what}: not reached in time. Output: {process.Output}");
    }

    // A temporary working directory that looks like the repository root to README's relative commands.
    private static string Workspace()
    {
        var work = Path.Combine(Path.GetTempPath(), "sb-readme-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(work);
        foreach (var entry in new[] { "run.sh", "sbctl", "dialplans", "eng", "docs" })
        {
            File.CreateSymbolicLink(Path.Combine(work, entry), Path.Combine(RepositoryPaths.Root, entry));
        }

        return work;
    }

    // <artifacts>/bin/<test project>/<configuration>/ -> <artifacts>
    private static string ArtifactsRoot() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.FullName;

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    // 127.0.0.1:5060, and the agent's sip:anna@127.0.0.1 (port 5060 implied) not followed by a port.
    [GeneratedRegex(@"127\.0\.0\.1:5060\b|(?<=sip:anna@)127\.0\.0\.1(?![:\d])")]
    private static partial Regex SipPortPattern();
}
