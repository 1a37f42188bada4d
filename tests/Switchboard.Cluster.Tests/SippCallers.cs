using System.Diagnostics;
using System.Globalization;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A SIPp run of one of the <c>deploy/sipp</c> scenarios against Kamailio, started in the background; awaiting
/// <see cref="WaitAsync"/> gives successful and failed calls from SIPp's statistics file and each call's set-up time
/// (INVITE to 200, <c>-trace_rtt</c>).
/// </summary>
internal sealed class SippCallers : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly OutputTail _output = new();

    private SippCallers(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>Starts <paramref name="calls"/> calls at <paramref name="rate"/> per second, each held <paramref name="hold"/>.</summary>
    public static SippCallers Start(string scenario, string proxy, string localAddress, int calls, double rate, TimeSpan hold)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb-cluster-sipp-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo(RedisServer.FindExecutable("sipp") ?? throw new InvalidOperationException("sipp not found (apt-get install -y sip-tester)"))
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-sf", Path.Combine(RepositoryPaths.Root, "deploy", "sipp", scenario), "-s", "ivr", proxy,
            "-i", localAddress, "-p", LoopbackPorts.FreeUdpAndTcp().ToString(CultureInfo.InvariantCulture),
            "-m", calls.ToString(CultureInfo.InvariantCulture), "-r", rate.ToString(CultureInfo.InvariantCulture),
            "-d", ((int)hold.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "-nostdin", "-timeout", "120", "-timeout_error", "-max_recv_loops", "1000",
            "-trace_stat", "-stf", "stat.csv", "-fd", "1", "-trace_rtt", "-rtt_freq", "1",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var callers = new SippCallers(process, directory);
        process.OutputDataReceived += (_, e) => callers._output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => callers._output.AppendLine(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return callers;
    }

    /// <summary>Waits for SIPp to finish its calls.</summary>
    public async Task<SippCallersResult> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"SIPp did not finish within {timeout}: {_output}");
        }

        _process.WaitForExit();
        return Read();
    }

    private SippCallersResult Read()
    {
        var lines = File.ReadAllLines(Path.Combine(_directory, "stat.csv"));
        var header = lines[0].Split(';');
        var last = lines[^1].Split(';');
        int Column(string name) => int.Parse(last[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        var setupTimes = new List<double>();
        foreach (var file in Directory.GetFiles(_directory, "*_rtt.csv"))
        {
            var rows = File.ReadAllLines(file);
            var column = rows.Length == 0 ? -1 : Array.FindIndex(rows[0].Split(';'), c => c.Equals("response_time_ms", StringComparison.OrdinalIgnoreCase));
            foreach (var line in rows.Skip(1))
            {
                var parts = line.Split(';');
                if (column >= 0 && parts.Length > column && double.TryParse(parts[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    setupTimes.Add(ms);
                }
            }
        }

        return new SippCallersResult(Column("SuccessfulCall(C)"), Column("FailedCall(C)"), setupTimes, _process.ExitCode, _output.ToString());
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
