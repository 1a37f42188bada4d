using System.Net;
using System.Net.Sockets;

namespace Switchboard.TestSupport;

/// <summary>
/// Ports on 127.0.0.1 for the child processes a test starts (server SIP/gRPC/web, Redis, baresip, SIPp), handed out so
/// that tests running at the same time cannot be given the same port:
/// <list type="bullet">
/// <item>they come from <see cref="RangeStart"/>-<see cref="RangeEnd"/>, below Linux's ephemeral range (32768-60999,
/// where <c>connect()</c> and <c>bind(0)</c> pick) and above the RTP ranges (server and baresip: 10000-20000), so no
/// outgoing connection or RTP socket can take a port between the hand-out and the child's bind;</item>
/// <item>within one test process each port is handed out once (a counter, never a "free right now" probe that two
/// parallel tests could both pass), in blocks of <see cref="Block"/> (SIPp's <c>-mp</c> also takes the port two above,
/// RTCP the one above);</item>
/// <item>each test process starts at its own place in the range (by process id) and skips ports anybody has bound;</item>
/// <item>and claims each block across processes (test runs of several checkouts at once, or CI's parallel test
/// projects) with an exclusive lock on a file per block under the temp directory, held until the process ends: the
/// kernel drops the lock however the process ends, so a claim never outlives its owner.</item>
/// </list>
/// </summary>
public static class LoopbackPorts
{
    /// <summary>First port handed out.</summary>
    public const int RangeStart = 20_000;

    /// <summary>One past the last port handed out (the start of the ephemeral range).</summary>
    public const int RangeEnd = 32_768;

    /// <summary>Ports kept together per hand-out.</summary>
    public const int Block = 4;

    private const int Blocks = (RangeEnd - RangeStart) / Block;

    private static readonly int ProcessOffset = Environment.ProcessId * 97 % Blocks;
    private static readonly string ClaimDirectory = Path.Combine(Path.GetTempPath(), "switchboard-test-ports");
    private static readonly List<FileStream> Claims = [];
    private static int _handedOut = -1;

    /// <summary>A port (with the <see cref="Block"/> - 1 above it) free for both UDP and TCP, as SIP needs (RFC 3261 §18: the same port for both).</summary>
    public static int FreeUdpAndTcp() => Next(udp: true, tcp: true);

    /// <summary>A port (with the <see cref="Block"/> - 1 above it) nobody listens on over TCP.</summary>
    public static int FreeTcp() => Next(udp: false, tcp: true);

    /// <summary>A port (with the <see cref="Block"/> - 1 above it) nobody has bound over UDP.</summary>
    public static int FreeUdp() => Next(udp: true, tcp: false);

    private static int Next(bool udp, bool tcp)
    {
        for (var attempt = 0; attempt < Blocks; attempt++)
        {
            var block = (ProcessOffset + Interlocked.Increment(ref _handedOut)) % Blocks;
            var port = RangeStart + (block * Block);
            if (Enumerable.Range(port, Block).All(p => (!udp || CanBind(p, SocketType.Dgram, ProtocolType.Udp)) && (!tcp || CanBind(p, SocketType.Stream, ProtocolType.Tcp)))
                && TryClaim(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free block of {Block} loopback ports in {RangeStart}-{RangeEnd - 1}");
    }

    /// <summary>
    /// Takes the block for this process: an exclusive lock (.NET's FileShare.None is an advisory <c>flock</c> on Linux)
    /// on its file, kept open until the process ends. Fails when another live test process holds it.
    /// </summary>
    private static bool TryClaim(int port)
    {
        try
        {
            Directory.CreateDirectory(ClaimDirectory);
            var claim = new FileStream(Path.Combine(ClaimDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            lock (Claims)
            {
                Claims.Add(claim);
            }

            return true;
        }
        catch (IOException)
        {
            return false; // another test process holds this block
        }
        catch (UnauthorizedAccessException)
        {
            return false; // a file left by another user
        }
    }

    private static bool CanBind(int port, SocketType type, ProtocolType protocol)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
