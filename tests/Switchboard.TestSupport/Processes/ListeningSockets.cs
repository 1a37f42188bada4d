using System.Globalization;

namespace Switchboard.TestSupport;

/// <summary>
/// Reads /proc/net/{udp,tcp} to see whether some process has bound a loopback port, without touching the port
/// (a probe bind could steal it from the child process that is about to bind it).
/// </summary>
public static class ListeningSockets
{
    private const string LoopbackHex = "0100007F";
    private const string ListenState = "0A";

    public static bool IsUdpBound(int port) => Scan("/proc/net/udp", port, requireListen: false);

    public static bool IsTcpListening(int port) => Scan("/proc/net/tcp", port, requireListen: true);

    /// <summary>Polls until the port is bound (UDP) or listening (TCP), or throws TimeoutException.</summary>
    public static async Task WaitAsync(int port, bool tcp, TimeSpan timeout, Func<bool>? hasExited = null, CancellationToken cancellationToken = default)
    {
        await Eventually.UntilAsync(() =>
        {
            if (hasExited?.Invoke() == true)
            {
                throw new InvalidOperationException($"the process exited before binding port {port}");
            }

            return tcp ? IsTcpListening(port) : IsUdpBound(port);
        }, $"something bound {(tcp ? "TCP" : "UDP")} 127.0.0.1:{port}", timeout, cancellationToken).ConfigureAwait(false);
    }

    private static bool Scan(string table, int port, bool requireListen)
    {
        if (!File.Exists(table))
        {
            return false;
        }

        var wanted = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                continue;
            }

            var local = fields[1].Split(':');
            if (local.Length == 2
                && local[1] == wanted
                && (local[0] == LoopbackHex || local[0] == "00000000")
                && (!requireListen || fields[3] == ListenState))
            {
                return true;
            }
        }

        return false;
    }
}
