using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Switchboard.TestSupport;

/// <summary>
/// The built Switchboard server (<c>dotnet Switchboard.Server.dll</c>) as a real child process on free loopback
/// ports, configured through environment variables (<c>Sip__Port</c>, ...). Disposing stops it (SIGTERM, then kill).
/// </summary>
public sealed class SwitchboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _stdout = new();
    private readonly OutputTail _stderr = new();

    private SwitchboardProcess(Process process, IReadOnlyDictionary<string, string?> settings)
    {
        _process = process;
        Settings = settings;
    }

    /// <summary>The settings the process got (configuration keys, e.g. <c>Sip:Port</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public int SipPort => int.Parse(Settings["Sip:Port"]!, CultureInfo.InvariantCulture);

    public IPEndPoint SipEndPoint => new(IPAddress.Loopback, SipPort);

    public Uri WebUrl => new(Settings["Web:Url"]!);

    public Uri ApiUrl => new(Settings["Api:Url"]!);

    public string StandardOutput => _stdout.ToString();

    public string StandardError => _stderr.ToString();

    public bool HasExited => _process.HasExited;

    /// <summary>The server's process id (e.g. to read its resident memory or find the sockets it holds under /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Free ports for SIP, gRPC and web, the shared test Redis, and dialplans/kommun.yaml; entries in
    /// <paramref name="overrides"/> replace these (a null value removes the setting).
    /// </summary>
    public static Dictionary<string, string?> DefaultSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sip:BindAddress"] = "127.0.0.1",
            ["Sip:Port"] = LoopbackPorts.FreeUdpAndTcp().ToString(CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Web:Url"] = $"http://127.0.0.1:{RedisServer.FreeTcpPort()}",
            ["Dialplan:Path"] = RepositoryPaths.KommunDialplan,
        };
        if (overrides is null || !overrides.ContainsKey("Redis:Configuration"))
        {
            settings["Redis:Configuration"] = RedisServer.Shared.Configuration;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the server and, unless told otherwise, waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<SwitchboardProcess> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, bool waitUntilHealthy = true, CancellationToken cancellationToken = default)
    {
        var settings = DefaultSettings(overrides);
        var process = new SwitchboardProcess(CreateProcess(settings), settings);
        process._process.OutputDataReceived += (_, e) => process._stdout.AppendLine(e.Data);
        process._process.ErrorDataReceived += (_, e) => process._stderr.AppendLine(e.Data);
        process._process.Start();
        process._process.StandardInput.Close();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        if (waitUntilHealthy)
        {
            try
            {
                await process.WaitUntilHealthyAsync(TestTimeouts.ProcessStart, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await process.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return process;
    }

    /// <summary>Runs the server until it exits by itself (e.g. on a configuration error) and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        IReadOnlyDictionary<string, string?>? overrides, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await using var process = await StartAsync(overrides, waitUntilHealthy: false, cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process._process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Switchboard did not exit within {timeout.TotalSeconds:0} s. Output: {process.StandardOutput} {process.StandardError}");
        }

        // Exited: the stream readers finish right after.
        process._process.WaitForExit();
        return (process._process.ExitCode, process.StandardOutput, process.StandardError);
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; throws with the server's output if it exits or times out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var health = new Uri(WebUrl, "/healthz");
        var (healthy, _) = await Eventually.TryUntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Switchboard exited with {_process.ExitCode} during start-up: {StandardError} {StandardOutput}");
            }

            try
            {
                using var response = await http.GetAsync(health, cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false; // one slow request; try again
            }
        }, held => held, timeout, cancellationToken).ConfigureAwait(false);
        if (!healthy)
        {
            throw new TimeoutException($"Switchboard not healthy within {timeout.TotalSeconds:0} s: {StandardError} {StandardOutput}");
        }
    }

    /// <summary>SIGKILL, as a crash would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            PosixSignal.Send(_process.Id, PosixSignal.Kill);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends SIGTERM and waits for the exit code (a clean shutdown gives 0).</summary>
    public async Task<int> StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            PosixSignal.Send(_process.Id, PosixSignal.Terminate);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Switchboard did not stop within {timeout.TotalSeconds:0} s of SIGTERM");
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                PosixSignal.Send(_process.Id, PosixSignal.Terminate);
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5_000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Switchboard.Server.dll next to the test's build output: <c>SB_SERVER_DLL</c> if set, else the artifacts
    /// layout (<c>bin/Switchboard.Server/&lt;config&gt;/</c> beside <c>bin/&lt;test project&gt;/&lt;config&gt;/</c>).
    /// </summary>
    public static string FindServerDll()
    {
        var explicitPath = Environment.GetEnvironmentVariable("SB_SERVER_DLL");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var pivot = testDirectory.Name;
        var bin = testDirectory.Parent?.Parent;
        if (bin is not null)
        {
            var candidate = Path.Combine(bin.FullName, "Switchboard.Server", pivot, "Switchboard.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(testDirectory.FullName, "Switchboard.Server.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        throw new FileNotFoundException("Switchboard.Server.dll not found beside the test output; reference src/Switchboard.Server from the test project or set SB_SERVER_DLL.");
    }

    private static Process CreateProcess(IReadOnlyDictionary<string, string?> settings)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FindServerDll());
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new Process { StartInfo = start, EnableRaisingEvents = true };
    }
}
