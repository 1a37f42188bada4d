using System.Diagnostics;
using System.Globalization;

namespace Switchboard.TestSupport;

/// <summary>
/// Runs the real <c>sipp</c> program (Debian package sip-tester) on 127.0.0.1 with
/// <c>-nostdin -trace_stat -stf &lt;csv&gt; -timeout N -timeout_error</c>, each run in its own working directory.
/// </summary>
public static class SippRunner
{
    /// <summary>Where the Debian package keeps its pcap files (g711a.pcap, dtmf_2833_*.pcap).</summary>
    public const string PcapDirectory = "/usr/share/sip-tester";

    /// <summary>Runs a scenario to its end and returns its exit code, output and statistics.</summary>
    public static async Task<SippResult> RunAsync(SippOptions options, CancellationToken cancellationToken = default)
    {
        await using var process = Start(options);
        return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a scenario in the background (e.g. a <c>uas</c> that answers calls); await
    /// <see cref="SippProcess.WaitUntilListeningAsync"/> before sending it anything.
    /// </summary>
    public static SippProcess Start(SippOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var executable = RedisServer.FindExecutable("sipp")
            ?? throw new InvalidOperationException("sipp not found: install it with 'apt-get install -y sip-tester' (./test.sh does this).");

        var directory = Path.Combine(Path.GetTempPath(), "sb-sipp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (options.LinkPcapDirectory ?? NeedsPcap(options))
        {
            File.CreateSymbolicLink(Path.Combine(directory, "pcap"), PcapDirectory);
        }

        var localPort = options.LocalPort == 0
            ? LoopbackPorts.FreeUdpAndTcp()
            : options.LocalPort;
        var statisticsFile = Path.Combine(directory, "stat.csv");

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in BuildArguments(options, localPort, statisticsFile))
        {
            start.ArgumentList.Add(argument);
        }

        return SippProcess.Start(start, localPort, options.Transport.StartsWith('t'), statisticsFile, options.Timeout);
    }

    /// <summary>The command line SIPp gets (without the program name).</summary>
    public static IReadOnlyList<string> BuildArguments(SippOptions options, int localPort, string statisticsFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>();
        if (options.Scenario is not null)
        {
            args.AddRange(["-sn", options.Scenario]);
        }
        else
        {
            args.AddRange(["-sf", options.ScenarioFile!]);
        }

        if (options.Remote is not null)
        {
            args.Add(options.Remote.ToString());
        }

        args.AddRange(["-i", "127.0.0.1", "-p", Invariant(localPort), "-t", options.Transport]);
        if (options.Service is not null)
        {
            args.AddRange(["-s", options.Service]);
        }

        if (options.Calls is { } calls)
        {
            args.AddRange(["-m", Invariant(calls)]);
        }

        if (options.CallRate is { } rate)
        {
            args.AddRange(["-r", rate.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.CallLimit is { } limit)
        {
            args.AddRange(["-l", Invariant(limit)]);
        }

        args.AddRange(["-mi", "127.0.0.1"]);
        if (options.MediaPort is { } mediaPort)
        {
            args.AddRange(["-mp", Invariant(mediaPort)]);
        }

        if (options.RtpEcho)
        {
            args.Add("-rtp_echo");
        }

        foreach (var (name, value) in options.Keys)
        {
            args.AddRange(["-key", name, value]);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(options.Timeout.TotalSeconds));
        args.AddRange(["-nostdin", "-trace_stat", "-stf", statisticsFile, "-timeout", Invariant(seconds), "-timeout_error"]);
        args.AddRange(options.ExtraArguments);
        return args;
    }

    private static void Validate(SippOptions options)
    {
        if ((options.Scenario is null) == (options.ScenarioFile is null))
        {
            throw new ArgumentException("Give exactly one of Scenario (-sn) and ScenarioFile (-sf).", nameof(options));
        }

        if (options.ScenarioFile is not null && !File.Exists(options.ScenarioFile))
        {
            throw new FileNotFoundException($"SIPp scenario file not found: {options.ScenarioFile}", options.ScenarioFile);
        }

        if (options.Remote is not null && !System.Net.IPAddress.IsLoopback(options.Remote.Address))
        {
            throw new ArgumentException($"SippRunner only talks to loopback addresses, not {options.Remote}.", nameof(options));
        }

        if (options.LocalPort is < 0 or > 65535 || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "LocalPort must be 0..65535 and Timeout positive.");
        }
    }

    private static bool NeedsPcap(SippOptions options) =>
        options.Scenario is "uac_pcap"
        || (options.ScenarioFile is not null && File.ReadAllText(options.ScenarioFile).Contains("pcap/", StringComparison.Ordinal));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
