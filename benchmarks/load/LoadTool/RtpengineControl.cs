using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.LoadTool;

/// <summary>
/// rtpengine's side of the relay comparison (benchmarks/floor/compare.sh): COUNT calls set up over rtpengine's "ng"
/// control protocol (bencoded dictionaries over UDP: offer, answer), so rtpengine relays between call i's phones
/// 127.0.0.1:PEER_BASE + 4i and + 4i + 2 (the floor generator). Writes one "phone_port rtpengine_port" line per leg
/// to the streams file, exactly as <see cref="RelayHost"/> does for Switchboard.
/// </summary>
internal static class RtpengineControl
{
    public static int Run(int ngPort, int count, int peerBase, string streamsFile)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(new IPEndPoint(IPAddress.Loopback, ngPort));
        socket.ReceiveTimeout = 5000;
        var lines = new List<string>(count * 2);
        for (var i = 0; i < count; i++)
        {
            var callerPort = peerBase + (4 * i);
            var agentPort = callerPort + 2;
            var callId = $"floor-{Environment.ProcessId}-{i}";
            var offered = Command(socket, $"o{i}", [("command", "offer"), ("call-id", callId), ("from-tag", "caller"), ("sdp", Sdp(callerPort))]);
            var answered = Command(socket, $"a{i}", [("command", "answer"), ("call-id", callId), ("from-tag", "caller"), ("to-tag", "agent"), ("sdp", Sdp(agentPort))]);
            lines.Add($"{callerPort} {AudioPort(answered)}"); // the caller sends to the port rtpengine answered with
            lines.Add($"{agentPort} {AudioPort(offered)}");   // the agent to the port rtpengine offered
        }

        File.WriteAllLines(streamsFile, lines);
        return 0;
    }

    private static string Command(Socket socket, string cookie, (string Key, string Value)[] entries)
    {
        var message = new StringBuilder(cookie).Append(" d");
        foreach (var (key, value) in entries)
        {
            message.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(key)}:{key}{Encoding.UTF8.GetByteCount(value)}:{value}");
        }

        socket.Send(Encoding.UTF8.GetBytes(message.Append('e').ToString()));
        var buffer = new byte[65536];
        var length = socket.Receive(buffer);
        var reply = Encoding.UTF8.GetString(buffer, 0, length);
        if (!reply.Contains("6:result2:ok", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"rtpengine refused {entries[0].Value}: {reply}");
        }

        return reply;
    }

    /// <summary>The port of the m=audio line in the SDP rtpengine returned.</summary>
    private static int AudioPort(string reply)
    {
        var at = reply.IndexOf("m=audio ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException("no m=audio in rtpengine's SDP");
        }

        var start = at + "m=audio ".Length;
        var end = reply.IndexOf(' ', start);
        return int.Parse(reply.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }

    private static string Sdp(int port) => string.Create(CultureInfo.InvariantCulture,
        $"v=0\r\no=floor {port} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n");
}
