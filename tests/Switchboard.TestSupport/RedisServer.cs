using System.Diagnostics;

namespace Switchboard.TestSupport;

/// <summary>
/// A real <c>redis-server</c> child process on a free loopback port, with its own temp directory and AOF on.
/// Tests never touch port 6379. Use <see cref="Shared"/> for ordinary tests (with a key prefix each) and
/// <see cref="StartAsync"/> for a private server that a test may kill or restart.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lazy<RedisServer> SharedServer = new(() =>
    {
        var server = StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        return server;
    });

    /// <summary>Runs "$@" and kills it with SIGKILL once its own stdin (the owner's pipe) reaches end of file.</summary>
    private const string Watchdog =
        "exec 3<&0\n" +
        "\"$@\" </dev/null 3<&- & c=$!\n" +
        "{ cat >/dev/null; kill -9 \"$c\" 2>/dev/null; } <&3 >/dev/null 2>&1 &\n" +
        "exec 3<&-\n" +
        "wait \"$c\"\n";

    private Process? _process;

    private RedisServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    /// <summary>One server per test process, started on first use.</summary>
    public static RedisServer Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>The server's working directory (AOF files live here).</summary>
    public string Directory { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=5000";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a private server on a free loopback port.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb-redis-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var server = new RedisServer(FreeTcpPort(), directory);
        await server.RestartAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Starts (or starts again, on the same port and data directory) the server process.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is still running; Kill() it first.");
        }

        var executable = FindExecutable("redis-server")
            ?? throw new InvalidOperationException("redis-server not found: install it with 'apt-get install -y redis-server' (./test.sh does this).");

        // redis-server runs under a small sh watchdog that holds our end of a pipe (its stdin): when this test process
        // ends in any way (also SIGKILLed by the test runner, when ProcessExit never runs), the pipe closes and the
        // watchdog kills redis-server, so no server outlives the tests. The sh exits with redis-server.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Watchdog);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(executable);
        foreach (var arg in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", Directory,
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "",
            "--daemonize", "no",
            "--protected-mode", "yes",
            "--loglevel", "notice",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("redis-server exited during start-up: " + log));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGKILL, as a crash would: what is not in the AOF yet is lost.</summary>
    public void Kill()
    {
        var process = _process;
        CloseOwnerPipe(process); // the watchdog SIGKILLs redis-server at once, and its sh exits with it
        if (process is { HasExited: false } && !process.WaitForExit(10_000))
        {
            // Not expected; .NET's tree kill stops each process (SIGSTOP) before it kills it, which can leave a
            // stopped sh behind when its children exit during the walk, hence the pipe first.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>What the death of this test process does: closes the watchdog's pipe (redis-server is killed).</summary>
    public void SimulateOwnerExit() => CloseOwnerPipe(_process);

    private static void CloseOwnerPipe(Process? process)
    {
        try
        {
            process?.StandardInput.Close();
        }
        catch (InvalidOperationException)
        {
            // Never started with a pipe.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A TCP port on 127.0.0.1 nobody listens on, handed out once (see <see cref="LoopbackPorts"/>).</summary>
    public static int FreeTcpPort() => LoopbackPorts.FreeTcp();

    /// <summary>A UDP port on 127.0.0.1 nobody has bound, handed out once (see <see cref="LoopbackPorts"/>).</summary>
    public static int FreeUdpPort() => LoopbackPorts.FreeUdp();

    /// <summary>Finds a program on PATH (or in /usr/sbin, /usr/bin).</summary>
    public static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"]))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
