using StackExchange.Redis;
using Switchboard.Media.Codecs;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Load;

/// <summary>
/// The load harness in small (benchmarks/load/run.sh does the real runs): the built server on a private
/// Redis with benchmarks/load/load.yaml, and SIPp running benchmarks/load/caller.xml for a few callers that send RTP,
/// press 1 by SIP INFO and wait in the queue. Proves the scenario, the dialplan and the server agree.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class LoadSmokeTests
{
    private const int Callers = 3;

    [Fact]
    public async Task LoadScenario_FewCallersWaitInQueue_AllSucceedAndAreEnqueued()
    {
        // Longer than DefaultTimeout: a SIPp run on a busy 2-core CI machine.
        var slow = TimeSpan.FromSeconds(60);
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Dialplan:Path"] = Path.Combine(LoadDirectory, "load.yaml"),
            ["Logging:LogLevel:Default"] = "Warning",
        }); // bounded by TestTimeouts.ProcessStart

        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = WriteScenario(),
            Remote = server.SipEndPoint,
            Service = "ivr",
            Calls = Callers,
            CallLimit = Callers,
            CallRate = Callers,
            Timeout = TimeSpan.FromSeconds(25),
            ExtraArguments = ["-d", "3000", "-recv_timeout", "10000"],
        }).WaitAsync(slow);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Callers, result.Statistics.SuccessfulCalls);
        Assert.Equal(0, result.Statistics.FailedCalls);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration).DefaultTimeout();
        var events = await connection.GetDatabase().StreamRangeAsync("sb:{default}:events").DefaultTimeout();
        var enqueued = events.Count(e => e.Values.Any(v => string.Equals(v.Value, "Enqueued", StringComparison.OrdinalIgnoreCase)));
        Assert.True(enqueued == Callers, $"{enqueued} Enqueued events in the ACD stream, expected {Callers}; server: {server.StandardError}");
    }

    private static string LoadDirectory => Path.Combine(RepositoryPaths.Root, "benchmarks", "load");

    /// <summary>caller.xml with its rtp_stream file made absolute (SippRunner runs SIPp in a fresh directory).</summary>
    private static string WriteScenario()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb-load-smoke-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var pcm = new short[8000];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(Math.Sin(i * 2 * Math.PI * 300 / 8000) * 3000);
        }

        var audio = new byte[pcm.Length];
        G711.EncodeMuLaw(pcm, audio);
        var audioPath = Path.Combine(directory, "caller.ul");
        File.WriteAllBytes(audioPath, audio);

        var xml = File.ReadAllText(Path.Combine(LoadDirectory, "caller.xml"));
        Assert.Contains("rtp_stream=\"caller.ul,", xml, StringComparison.Ordinal);
        var scenario = Path.Combine(directory, "caller.xml");
        File.WriteAllText(scenario, xml.Replace("rtp_stream=\"caller.ul,", $"rtp_stream=\"{audioPath},", StringComparison.Ordinal));
        return scenario;
    }
}
