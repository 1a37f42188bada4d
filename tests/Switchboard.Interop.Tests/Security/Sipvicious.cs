using System.Diagnostics;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Runs Debian's sipvicious tools (svcrack, svwar, svmap: what real attackers point at port 5060) from a chosen loopback
/// source address. sipvicious 0.3.3 accepts <c>-b</c> but never hands it to its socket, so a <c>sitecustomize</c> module
/// binds the tool's sockets to <c>SV_BIND_ADDRESS</c> instead of 0.0.0.0; nothing else about the tool changes.
/// </summary>
internal static class Sipvicious
{
    private const string BindShim = """
        import os, socket
        _address = os.environ.get("SV_BIND_ADDRESS")
        if _address:
            _bind = socket.socket.bind
            socket.socket.bind = lambda self, a: _bind(self, (_address, a[1]) if a[0] in ("", "0.0.0.0") else a)
        """;

    /// <summary>Runs <paramref name="tool"/> (e.g. "svcrack") with <paramref name="arguments"/> from <paramref name="source"/>; returns stdout and stderr together.</summary>
    public static async Task<string> RunAsync(string tool, string source, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var shim = Path.Combine(Path.GetTempPath(), "sb-svbind-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(shim);
        await File.WriteAllTextAsync(Path.Combine(shim, "sitecustomize.py"), BindShim);
        var start = new ProcessStartInfo("/usr/bin/" + tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = shim,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SV_BIND_ADDRESS"] = source;
        start.Environment["PYTHONPATH"] = shim;
        start.Environment["HOME"] = shim; // svcrack/svwar keep session files under ~/.sipvicious
        var (_, output, error) = await BoundedProcess.RunAsync(start, timeout,
            _ => new TimeoutException($"{tool} did not finish within {timeout.TotalSeconds:0} s"));
        return output + error;
    }
}
