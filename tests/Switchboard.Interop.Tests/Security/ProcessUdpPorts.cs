using System.Globalization;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// The loopback UDP ports one process holds, read from /proc (its socket inodes in /proc/PID/fd, their ports in
/// /proc/net/udp): an attack can then be aimed at exactly the server's RTP/RTCP ports and never at another test's.
/// </summary>
internal static class ProcessUdpPorts
{
    public static IReadOnlyList<int> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // closed while we looked
            }
        }

        var ports = new List<int>();
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && inodes.Contains(fields[9]) && fields[1].Split(':') is ["0100007F", var port])
            {
                ports.Add(int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return ports;
    }
}
