using System.Diagnostics;

namespace Switchboard.TestSupport;

/// <summary>A running <c>sipp</c> started by <see cref="SippRunner.Start"/>. Disposing stops it and deletes its directory.</summary>
public sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _stdout = new();
    private readonly OutputTail _stderr = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _statisticsFile;
    private readonly bool _tcp;
    private readonly TimeSpan _timeout;

    private SippProcess(Process process, int localPort, bool tcp, string statisticsFile, TimeSpan timeout)
    {
        _process = process;
        LocalPort = localPort;
        _tcp = tcp;
        _statisticsFile = statisticsFile;
        _timeout = timeout;
        WorkingDirectory = Path.GetDirectoryName(statisticsFile)!;
    }

    /// <summary>The SIP port SIPp listens on (127.0.0.1).</summary>
    public int LocalPort { get; }

    public string WorkingDirectory { get; }

    public bool HasExited => _process.HasExited;

    internal static SippProcess Start(ProcessStartInfo start, int localPort, bool tcp, string statisticsFile, TimeSpan timeout)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var sipp = new SippProcess(process, localPort, tcp, statisticsFile, timeout);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                sipp._outputClosed.TrySetResult();
            }

            sipp._stdout.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                sipp._errorClosed.TrySetResult();
            }

            sipp._stderr.AppendLine(e.Data);
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sipp;
    }

    /// <summary>Waits until SIPp has bound its SIP port (it does so a moment after start).</summary>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken = default) =>
        ListeningSockets.WaitAsync(LocalPort, _tcp, TimeSpan.FromSeconds(10), () => _process.HasExited, cancellationToken);

    /// <summary>Waits for SIPp to finish (its own -timeout bounds this) and collects the result.</summary>
    public async Task<SippResult> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(_timeout + TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillNow();
            throw new TimeoutException($"sipp did not stop within its -timeout of {_timeout.TotalSeconds:0} s; killed. Output: {_stdout}");
        }

        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        var statistics = File.Exists(_statisticsFile)
            ? SippStatistics.Parse(await File.ReadAllTextAsync(_statisticsFile, cancellationToken).ConfigureAwait(false))
            : SippStatistics.Empty;
        return new SippResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString(), statistics, WorkingDirectory);
    }

    /// <summary>Asks SIPp to stop (SIGINT: it writes its final statistics) and waits; kills it after 5 s.</summary>
    public async Task<SippResult> StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            PosixSignal.Send(_process.Id, PosixSignal.Interrupt);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                KillNow();
            }
        }

        return await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        KillNow();
        _process.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
