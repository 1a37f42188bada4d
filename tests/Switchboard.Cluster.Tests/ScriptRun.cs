using System.Diagnostics;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>Runs a script or tool from the repository root with extra environment, bounded in time.</summary>
internal static class ScriptRun
{
    /// <summary>
    /// Runs <paramref name="command"/>; returns its standard output (trimmed). Throws with its standard error and
    /// <paramref name="context"/> (e.g. the cluster's logs) when it fails or outlasts <paramref name="timeout"/>.
    /// </summary>
    public static async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, Func<string>? context = null)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var what = $"{Path.GetFileName(command)} {string.Join(' ', arguments)}";
        var (exitCode, output, error) = await BoundedProcess.RunAsync(start, timeout,
            partial => new TimeoutException($"{what} took over {timeout}: {partial}{context?.Invoke()}"));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited {exitCode}: {error}{context?.Invoke()}");
        }

        return output.Trim();
    }
}
