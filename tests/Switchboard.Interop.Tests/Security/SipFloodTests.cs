using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Interop.Tests.Calls;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Issue 14's floods against the running server, each while a legitimate call is placed at the same time: an INVITE flood
/// without ACK from a stranger, an OPTIONS flood of large messages from many sources (memory stays in budget), hundreds of
/// idle TCP connections (closed after the idle timeout while a new client is served). Every flood is bounded in count.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed class SipFloodTests(ITestOutputHelper output)
{
    /// <summary>Resident memory the OPTIONS flood may add to the server at its peak (docs/security.md).</summary>
    private const long FloodMemoryBudget = 64L * 1024 * 1024;

    [Fact]
    public async Task InviteFlood_WithoutAckFromStranger_RefusedWhileTrunkCallBridgedBothWays()
    {
        await using var harness = await CallFlowHarness.StartAsync(settings: SecurityHarness.Settings(
            ("Sip:Security:RateLimit:MessagesPerSecond", "20"), ("Sip:Security:RateLimit:Burst", "40")));
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 0));
        using var rtpTrap = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 0)); // where the forged SDP asks for media
        var target = harness.Server.SipEndPoint;
        var trapPort = ((IPEndPoint)rtpTrap.Client.LocalEndPoint!).Port;

        var flood = Task.Run(async () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                await attacker.SendAsync(Invite(target.Port, i, trapPort), target);
            }
        });
        await SecurityHarness.AssertCallBridgedBothWaysAsync(harness);
        await flood.DefaultTimeout();

        var answers = await DrainAsync(attacker);
        Assert.All(answers, r => Assert.Equal(403, r.StatusCode)); // no 100, 180 or 200: no transaction, dialog or media
        Assert.InRange(answers.Count, 1, 60);                       // the burst, then the ban silences the source
        Assert.Empty(await DrainRawAsync(rtpTrap));                  // not one RTP packet reflected to the forged address
        Assert.True(await SecurityHarness.SecurityEventCountAsync(harness.Server, "source_banned") >= 1);
        Assert.True(await SecurityHarness.SecurityEventCountAsync(harness.Server, "flood_dropped") >= 1); // how many reach the socket is the kernel's business
        Assert.Contains("Switchboard.Security[4000] SIP flood: source banned from 127.0.0.9", harness.Server.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionsFlood_LargeMessagesFromManySources_MemoryWithinBudgetWhileCallBridged()
    {
        await using var harness = await CallFlowHarness.StartAsync(settings: SecurityHarness.Settings());
        var target = harness.Server.SipEndPoint;
        var baseline = SecurityHarness.ResidentBytes(harness.Server);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, SecurityHarness.ResidentBytes(harness.Server));
                await Task.Delay(20, CancellationToken.None);
            }
        });

        // 200 sources x 50 OPTIONS of ~8 KB (each source stays under its burst, so only the caps bound the state): 80 MB sent.
        var padding = new string('x', 8000);
        var flood = Task.Run(async () =>
        {
            var clients = Enumerable.Range(1, 200).Select(i => new UdpClient(new IPEndPoint(IPAddress.Parse($"127.0.1.{i}"), 0))).ToList();
            try
            {
                for (var n = 0; n < 50; n++)
                {
                    for (var c = 0; c < clients.Count; c++)
                    {
                        await clients[c].SendAsync(Options(target.Port, $"z9hG4bKf{c}x{n}", padding), target);
                    }
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        });
        await SecurityHarness.AssertCallBridgedBothWaysAsync(harness);
        await flood.DefaultTimeout();
        await done.CancelAsync();
        await sampler.DefaultTimeout();

        output.WriteLine($"RSS baseline {baseline / 1048576} MiB, peak {peak / 1048576} MiB, after {SecurityHarness.ResidentBytes(harness.Server) / 1048576} MiB");
        Assert.True(peak - baseline < FloodMemoryBudget,
            $"resident memory grew {(peak - baseline) / 1048576} MiB during the flood (budget {FloodMemoryBudget / 1048576} MiB; baseline {baseline / 1048576} MiB)");
        using var ping = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await ping.SendAsync(Options(target.Port, "z9hG4bKafterflood", ""), target).DefaultTimeout();
        Assert.Equal(200, (await ReceiveAsync(ping)).StatusCode);
    }

    [Fact]
    public async Task IdleTcpConnections_Hundreds_ClosedAfterTimeoutWhileNewClientServedAndCallBridged()
    {
        await using var harness = await CallFlowHarness.StartAsync(settings: SecurityHarness.Settings(("Sip:Tcp:IdleTimeout", "00:00:03")));
        var target = harness.Server.SipEndPoint;
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 300; i++)
            {
                var client = new TcpClient(new IPEndPoint(IPAddress.Parse($"127.0.2.{(i / 20) + 1}"), 0)); // 15 sources x 20 (the per-source cap)
                await client.ConnectAsync(target).DefaultTimeout();
                await client.GetStream().WriteAsync("O"u8.ToArray()).DefaultTimeout(); // one byte, then nothing
                idle.Add(client);
            }

            using (var fresh = new TcpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                await fresh.ConnectAsync(target).DefaultTimeout();
                await fresh.GetStream().WriteAsync(Options(target.Port, "z9hG4bKtcpfresh", "", "TCP")).DefaultTimeout();
                var reply = await ReadResponseAsync(fresh.GetStream());
                Assert.Equal(200, reply.StatusCode);
            }

            await SecurityHarness.AssertCallBridgedBothWaysAsync(harness);
            var closed = await Task.WhenAll(idle.Select(c => ReadUntilClosedAsync(c)));
            Assert.All(closed, Assert.True);
            Assert.True(await SecurityHarness.SecurityEventCountAsync(harness.Server, "tcp_idle_closed") >= 300);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    private static byte[] Invite(int port, int i, int rtpPort)
    {
        var sdp = $"v=0\r\no=- {i} 1 IN IP4 127.0.0.9\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return Encoding.ASCII.GetBytes(
            $"INVITE sip:ivr@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5099;branch=z9hG4bKinv{i};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:x{i}@127.0.0.9>;tag=a{i}\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: flood{i}@127.0.0.9\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:x@127.0.0.9:5099>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
    }

    private static byte[] Options(int port, string branch, string padding, string transport = "UDP") => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:ivr@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:9;branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: {branch}@flood\r\nCSeq: 1 OPTIONS\r\n" +
        (padding.Length > 0 ? $"X-Padding: {padding}\r\n" : "") + "Content-Length: 0\r\n\r\n");

    /// <summary>Every SIP response waiting on the socket, reading until it has been quiet for a second.</summary>
    private static async Task<List<SipResponse>> DrainAsync(UdpClient client) =>
        [.. (await DrainRawAsync(client)).Select(d => SipMessageParser.Parse(d).Message).OfType<SipResponse>()];

    private static async Task<List<byte[]>> DrainRawAsync(UdpClient client)
    {
        var all = new List<byte[]>();
        while (true)
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                all.Add((await client.ReceiveAsync(quiet.Token)).Buffer);
            }
            catch (OperationCanceledException)
            {
                return all;
            }
        }
    }

    private static async Task<SipResponse> ReceiveAsync(UdpClient client)
    {
        while (true)
        {
            var datagram = await client.ReceiveAsync().DefaultTimeout();
            if (SipMessageParser.Parse(datagram.Buffer).Message is SipResponse response)
            {
                return response;
            }
        }
    }

    private static async Task<SipResponse> ReadResponseAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            filled += await stream.ReadAsync(buffer.AsMemory(filled)).AsTask().DefaultTimeout();
            if (SipMessageParser.Parse(buffer.AsSpan(0, filled)).Message is SipResponse response)
            {
                return response;
            }
        }
    }

    /// <summary>True when the server closed the connection (read returns 0 or the connection was reset).</summary>
    private static async Task<bool> ReadUntilClosedAsync(TcpClient client)
    {
        try
        {
            return await client.GetStream().ReadAsync(new byte[16]).AsTask().DefaultTimeout() == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
