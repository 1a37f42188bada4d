using System.Globalization;
using System.Runtime.InteropServices;
using Switchboard.Media.Sessions;

namespace Switchboard.LoadTool;

/// <summary>
/// Switchboard's side of the relay comparison (benchmarks/floor/compare.sh): COUNT calls bridged in-process by a real
/// <see cref="MediaEngine"/> (strict RTP, the shared clock, <see cref="MediaBridge"/>), the counterpart of rtpengine driven
/// over its ng protocol. Call i's two phones are 127.0.0.1:PEER_BASE + 4i and + 4i + 2 (the floor generator); the
/// streams file gets one "phone_port leg_port" line per leg for the generator. Memory per bridged call: the process's
/// resident memory and live managed heap (after a full collection) once half the calls are made and once all are
/// (<c>rss_half_kb</c>, <c>heap_half</c>, <c>rss_ready_kb</c>, <c>heap_ready</c>, <c>half</c>), before any traffic; a
/// bridged call's buffers are all made then, and relaying allocates nothing. Environment <c>SB_RELAY_RECLOCK=1</c>
/// turns on <see cref="MediaBridgeOptions.Reclock"/>. Runs until SIGTERM.
/// </summary>
internal static class RelayHost
{
    public static int Run(int count, int peerBase, string streamsFile, string readyFile)
    {
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Set();
        });
        var reclock = Environment.GetEnvironmentVariable("SB_RELAY_RECLOCK") == "1";
        var engine = new MediaEngine(new MediaOptions
        {
            PortRangeStart = 24000,
            PortRangeEnd = 29998,
            OutboundPortReservePercent = 0,
            Bridge = new MediaBridgeOptions { Reclock = reclock },
        });
        var sessions = new List<MediaSession>(count * 2);
        var lines = new List<string>(count * 2);
        var half = count / 2;
        for (var i = 0; i < count; i++)
        {
            if (i == half && half > 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"half={half}\nrss_half_kb={ResidentKilobytes()}\nheap_half={heap}"));
            }

            var callerPort = peerBase + (4 * i);
            var agentPort = callerPort + 2;
            var caller = engine.CreateSession(MediaLegDirection.Inbound);
            var agent = engine.CreateSession(MediaLegDirection.Outbound);
            caller.SetSignallingSource(System.Net.IPAddress.Loopback);
            agent.SetSignallingSource(System.Net.IPAddress.Loopback);
            if (!caller.AcceptOffer(Sdp(callerPort)).IsAccepted)
            {
                throw new InvalidDataException("the caller's offer was refused");
            }

            agent.CreateOffer();
            if (!agent.AcceptAnswer(Sdp(agentPort)).IsAccepted)
            {
                throw new InvalidDataException("the agent's answer was refused");
            }

            MediaBridge.Join(caller, agent);
            sessions.Add(caller);
            sessions.Add(agent);
            lines.Add($"{callerPort} {caller.LocalEndPoint.Port}");
            lines.Add($"{agentPort} {agent.LocalEndPoint.Port}");
        }

        var heapReady = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rss_ready_kb={ResidentKilobytes()}\nheap_ready={heapReady}"));
        File.WriteAllLines(streamsFile, lines);
        File.WriteAllText(readyFile, "ready\n");
        stop.Wait();
        var (sent, received) = engine.RtpPacketTotals();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"relay_sent={sent}\nrelay_received={received}"));
        foreach (var session in sessions)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    private static long ResidentKilobytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static string Sdp(int port) => string.Create(CultureInfo.InvariantCulture,
        $"v=0\r\no=floor {port} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n");
}
