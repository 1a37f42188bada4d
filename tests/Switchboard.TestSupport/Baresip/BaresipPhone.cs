using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.TestSupport;

/// <summary>
/// A real <c>baresip</c> soft phone (Debian package baresip-core), headless, with its own config directory on
/// 127.0.0.1, driven over its ctrl_tcp socket (netstring-framed JSON). Disposing stops the process and
/// deletes the config directory.
/// </summary>
public sealed partial class BaresipPhone : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _log = new();
    private readonly BaresipOptions _options;

    private BaresipPhone(Process process, BaresipOptions options, string directory, int sipPort, int controlPort, string? recordings)
    {
        _process = process;
        _options = options;
        ConfigDirectory = directory;
        SipPort = sipPort;
        ControlPort = controlPort;
        RecordingsDirectory = recordings;
    }

    /// <summary>The phone's SIP port on 127.0.0.1 (UDP and TCP).</summary>
    public int SipPort { get; }

    /// <summary>The ctrl_tcp port on 127.0.0.1.</summary>
    public int ControlPort { get; }

    public string ConfigDirectory { get; }

    /// <summary>Where call recordings go (null unless <see cref="BaresipOptions.Record"/>).</summary>
    public string? RecordingsDirectory { get; }

    /// <summary>The address to dial this phone directly: <c>sip:user@127.0.0.1:port</c>.</summary>
    public string Uri => $"sip:{_options.User}@127.0.0.1:{SipPort}";

    /// <summary>What baresip printed so far (for assertion messages).</summary>
    public string Log => _log.ToString();

    /// <summary>Starts baresip and connects to its control socket.</summary>
    public static async Task<BaresipPhone> StartAsync(BaresipOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BaresipOptions();
        if (options.Registrar is { } registrar && !IPAddress.IsLoopback(registrar.Address))
        {
            throw new ArgumentException($"BaresipPhone only talks to loopback addresses, not {registrar}.", nameof(options));
        }

        if (options.AudioFile is not null && !File.Exists(options.AudioFile))
        {
            throw new FileNotFoundException($"audio file not found: {options.AudioFile}", options.AudioFile);
        }

        var executable = RedisServer.FindExecutable("baresip")
            ?? throw new InvalidOperationException("baresip not found: install it with 'apt-get install -y baresip-core' (./test.sh does this).");

        // baresip also binds a SIP/TLS socket on a port of its own choosing; another process can hold that port
        // (seen once in a full run: "SIP/TLS transport failed: Address already in use"). With ports we chose, retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, executable, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException error) when (attempt < 3 && options.SipPort == 0
                && error.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<BaresipPhone> StartOnceAsync(BaresipOptions options, string executable, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb-baresip-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var sipPort = options.SipPort == 0 ? LoopbackPorts.FreeUdpAndTcp() : options.SipPort;
        var controlPort = RedisServer.FreeTcpPort();
        string? recordings = null;
        if (options.Record)
        {
            recordings = options.RecordingsDirectory ?? Path.Combine(directory, "recordings");
            Directory.CreateDirectory(recordings);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "config"), BuildConfig(options, sipPort, controlPort, recordings), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "accounts"), BuildAccount(options, sipPort) + "\n", cancellationToken).ConfigureAwait(false);

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(directory);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var phone = new BaresipPhone(process, options, directory, sipPort, controlPort, recordings);
        process.OutputDataReceived += (_, e) =>
        {
            phone._log.AppendLine(e.Data);
            phone.OnConsoleLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) => phone._log.AppendLine(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ListeningSockets.WaitAsync(controlPort, tcp: true, TimeSpan.FromSeconds(10), () => process.HasExited, cancellationToken).ConfigureAwait(false);
            await ListeningSockets.WaitAsync(sipPort, tcp: false, TimeSpan.FromSeconds(10), () => process.HasExited, cancellationToken).ConfigureAwait(false);
            await phone.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or SocketException)
        {
            var log = phone.Log;
            await phone.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"baresip did not start: {error.Message}. Its output: {log}", error);
        }

        return phone;
    }

    /// <summary>The <c>config</c> file text.</summary>
    public static string BuildConfig(BaresipOptions options, int sipPort, int controlPort, string? recordings)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new StringBuilder();
        config.AppendLine("module_path /usr/lib/baresip/modules");
        config.AppendLine(CultureInfo.InvariantCulture, $"sip_listen 127.0.0.1:{sipPort}");
        config.AppendLine("net_interface 127.0.0.1");
        config.AppendLine("rtp_ports 10000-20000"); // as the server's; never the ports LoopbackPorts hands out (baresip's default reaches 49152)
        config.AppendLine("audio_player");
        if (options.AudioFile is not null)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"audio_source aufile,{options.AudioFile}");
            config.AppendLine("ausrc_srate 8000");
            config.AppendLine("ausrc_channels 1");
        }
        else
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"audio_source ausine,{options.SineFrequency}");
            config.AppendLine("ausrc_srate 48000");
            config.AppendLine("ausrc_channels 2");
        }

        config.AppendLine("module g711.so");
        config.AppendLine(options.AudioFile is not null ? "module aufile.so" : "module ausine.so");
        if (recordings is not null)
        {
            config.AppendLine("module sndfile.so");
            config.AppendLine(CultureInfo.InvariantCulture, $"snd_path {recordings}");
        }

        config.AppendLine("module ctrl_tcp.so");
        config.AppendLine("module_tmp account.so");
        config.AppendLine("module_app menu.so");
        config.AppendLine(CultureInfo.InvariantCulture, $"ctrl_tcp_listen 127.0.0.1:{controlPort}");
        return config.ToString();
    }

    /// <summary>The <c>accounts</c> line.</summary>
    public static string BuildAccount(BaresipOptions options, int sipPort)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = new StringBuilder();
        if (options.Registrar is { } registrar)
        {
            var seconds = Math.Max(1, (int)options.RegisterInterval.TotalSeconds);
            account.Append(CultureInfo.InvariantCulture, $"<sip:{options.User}@{registrar}>;regint={seconds}");
        }
        else
        {
            account.Append(CultureInfo.InvariantCulture, $"<sip:{options.User}@127.0.0.1:{sipPort}>;regint=0");
        }

        if (options.AuthUser is not null)
        {
            account.Append(";auth_user=").Append(options.AuthUser);
        }

        if (options.Password is not null)
        {
            account.Append(";auth_pass=").Append(options.Password);
        }

        if (options.AutoAnswer)
        {
            account.Append(";answermode=auto");
        }

        return account.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                PosixSignal.Send(_process.Id, PosixSignal.Terminate);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        if (_readLoop is not null)
        {
            await _readLoop.ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
