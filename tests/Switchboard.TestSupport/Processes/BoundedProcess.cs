using System.Diagnostics;

namespace Switchboard.TestSupport;

/// <summary>A child process run to its end within a deadline, both output streams read while it runs.</summary>
public static class BoundedProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (standard output and error redirected; standard input, when redirected, closed at
    /// once) and waits for it at most <paramref name="timeout"/>. At the deadline it kills the whole tree and throws what
    /// <paramref name="onTimeout"/> makes of the standard error read so far.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, TimeSpan timeout, Func<string, Exception> onTimeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(onTimeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw onTimeout(await error.WaitAsync(TestTimeouts.Default).ConfigureAwait(false));
        }

        return (process.ExitCode, await output.WaitAsync(TestTimeouts.Default).ConfigureAwait(false), await error.WaitAsync(TestTimeouts.Default).ConfigureAwait(false));
    }
}
