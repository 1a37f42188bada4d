using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Interop.Tests.Calls;
using Switchboard.Sip.Messages;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Issue 14's floods, each while a legitimate call is placed at the same time: INVITEs without ACK from a stranger and
/// from an allowed call source, an OPTIONS flood of large messages from many sources (memory stays in budget and the
/// held state returns to where it was), hundreds of idle TCP connections (closed after the idle timeout while a new
/// client is served). Every flood is bounded in count.
/// </summary>
public sealed partial class HostileNetworkTests
{
    private const string Stranger = "127.0.0.9";

    /// <summary>Resident memory the OPTIONS flood may add to the server (docs/security.md "Memory bounded by configuration").</summary>
    private const long FloodMemoryBudget = 64L * 1024 * 1024;

    /// <summary>The rate limit's defaults (docs/security.md): 20 messages/s, bursts of 60.</summary>
    private const int RatePerSecond = 20;
    private const int Burst = 60;

    /// <summary>
    /// RFC 3261 §13.3.1.4 with the default timers (T1 500 ms, T2 4 s): the 2xx is sent, then resent after 0.5, 1, 2, 4,
    /// 4, ... s until 64*T1 = 32 s have passed: at most 11 times in all, then the UAS gives up and sends BYE.
    /// </summary>
    private const int MaxSuccessSends = 11;

    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(32); // 64*T1

    [Fact]
    public async Task InviteFloods_WithoutAck_StrangerRefused_AllowedSourceCappedAndTornDown_TrunkCallBridgedAndAgentLegGetsPort()
    {
        var server = Harness.Server;
        var target = server.SipEndPoint;
        // No call of an earlier test still holding media or waiting for an ACK: the counts below are this test's alone.
        await SecurityHarness.WaitForMetricsAsync(server, m =>
                (SecurityHarness.Metric(m, "switchboard_rtp_sessions") ?? 0) == 0 && (SecurityHarness.Metric(m, "switchboard_sip_unconfirmed_calls") ?? 0) == 0,
            "the server idle before the flood", TimeSpan.FromSeconds(20));
        const double sessionsBefore = 0;
        var bannedBefore = await SecurityHarness.SecurityEventCountAsync(server, "source_banned");
        var capacityBefore = await SecurityHarness.SecurityEventCountAsync(server, "capacity_refused");

        await using var stranger = new UdpRecorder(Stranger);
        await using var strangerTrap = new UdpRecorder(Stranger);               // where the stranger's SDP asks for media
        await using var flooder = new UdpRecorder(SecurityFixture.AllowedFlooder); // a call source (an SBC gone bad, or forged)
        await using var flooderTrap = new UdpRecorder(SecurityFixture.AllowedFlooder);

        // The allowed source sends 300 INVITEs as fast as it can and never ACKs.
        var sending = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            await flooder.Client.SendAsync(AttackMessages.Invite(SecurityFixture.AllowedFlooder, flooder.Port, target.Port, $"a{i}", flooderTrap.Port), target);
        }

        // Its calls are answered (the IVR does not know better) up to its per-source cap, each holding an inbound RTP port,
        // and the rate limit bans it. What it got through is bounded by its bucket until the ban, which came before this.
        await SecurityHarness.WaitForMetricsAsync(server, m =>
                SecurityHarness.Metric(m, "switchboard_sip_unconfirmed_calls") == SecurityFixture.UnconfirmedPerSource &&
                SecurityHarness.Metric(m, "switchboard_rtp_sessions") == sessionsBefore + SecurityFixture.UnconfirmedPerSource &&
                SecurityHarness.Metric(m, "switchboard_sip_security_events_total", "event=\"source_banned\"") > bannedBefore,
            "the allowed source's unconfirmed calls fill its cap and it is banned", TimeSpan.FromSeconds(20));
        var flooderAllowance = Allowance(sending.Elapsed.TotalSeconds);

        // Meanwhile a stranger floods too, and the trunk's caller is answered, queued and bridged to the agent.
        var strangerClock = Stopwatch.StartNew();
        var strangerFlood = Task.Run(async () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                await stranger.Client.SendAsync(AttackMessages.Invite(Stranger, stranger.Port, target.Port, $"s{i}", strangerTrap.Port), target);
            }
        });
        await SecurityHarness.AssertCallBridgedBothWaysAsync(Harness, async () =>
        {
            var bridged = await SecurityHarness.MetricsAsync(server);
            // The flood still holds its cap, the caller's leg took the last inbound pair, and the agent's leg got a port
            // from the outbound reserve.
            Assert.Equal(SecurityFixture.UnconfirmedPerSource, SecurityHarness.Metric(bridged, "switchboard_sip_unconfirmed_calls"));
            Assert.Equal(sessionsBefore + SecurityFixture.InboundPairs + 1, SecurityHarness.Metric(bridged, "switchboard_rtp_sessions"));
        });
        await strangerFlood.DefaultTimeout();
        await SecurityHarness.WaitForMetricsAsync(server, m => SecurityHarness.Metric(m, "switchboard_sip_security_events_total", "event=\"source_banned\"") >= bannedBefore + 2,
            "the stranger is banned", TimeSpan.FromSeconds(20));
        var strangerAllowance = Allowance(strangerClock.Elapsed.TotalSeconds);

        // The server gives up on each unconfirmed call after 64*T1 with a BYE, and lets its dialog and ports go.
        var answered = CallIdsWith(AttackMessages.Parse(flooder.Received), 200);
        Assert.Equal(SecurityFixture.UnconfirmedPerSource, answered.Count);
        await Eventually.UntilAsync(() => answered.IsSubsetOf(ByeCallIds(AttackMessages.Parse(flooder.Received))),
            "a BYE for every unconfirmed call", TransactionTimeout + TimeSpan.FromSeconds(20));
        await SecurityHarness.WaitForMetricsAsync(server, m =>
                SecurityHarness.Metric(m, "switchboard_sip_unconfirmed_calls") == 0 && SecurityHarness.Metric(m, "switchboard_rtp_sessions") == sessionsBefore,
            "the unconfirmed calls torn down and their RTP ports returned", TimeSpan.FromSeconds(20));

        var toFlooder = AttackMessages.Parse(flooder.Received);
        var finals = toFlooder.OfType<SipResponse>().Where(r => r.StatusCode >= 200).ToList();
        Assert.All(finals, r => Assert.Contains(r.StatusCode, new[] { 200, 503 })); // answered, or refused by its cap
        Assert.Contains(finals, r => r.StatusCode == 503);
        var admitted = finals.Select(r => r.CallId).Distinct().Count();
        Assert.InRange(admitted, SecurityFixture.UnconfirmedPerSource + 1, Math.Min(flooderAllowance, 299)); // the burst, then the ban silenced it
        foreach (var callId in answered)
        {
            // 2xx retransmissions within RFC 3261's limits, and none after the BYE that ends them.
            var ours = toFlooder.Where(m => m.CallId == callId).ToList();
            var oks = ours.Count(m => m is SipResponse { StatusCode: 200 });
            Assert.InRange(oks, 3, MaxSuccessSends);
            Assert.True(ours.FindLastIndex(m => m is SipResponse { StatusCode: 200 }) < ours.FindIndex(m => m is SipRequest { Method: SipMethods.Bye }), $"a 200 OK after the BYE of {callId}");
        }

        var toStranger = AttackMessages.Parse(stranger.Received).OfType<SipResponse>().ToList();
        Assert.All(toStranger, r => Assert.Equal(403, r.StatusCode)); // no 100, 180 or 200: no transaction, dialog or media
        Assert.InRange(toStranger.Count, 1, strangerAllowance); // its burst, then the ban (how many reach the socket is the kernel's business)

        // Not one RTP packet went to either address the forged SDPs named: before the ACK nothing is streamed.
        Assert.Empty(flooderTrap.Received);
        Assert.Empty(strangerTrap.Received);
        Assert.True(await SecurityHarness.SecurityEventCountAsync(server, "source_banned") - bannedBefore >= 2);
        Assert.True(await SecurityHarness.SecurityEventCountAsync(server, "capacity_refused") > capacityBefore);
        Assert.Contains($"Switchboard.Security[4000] SIP flood: source banned from {Stranger}", server.StandardOutput, StringComparison.Ordinal);
        output.WriteLine($"allowed source: {answered.Count} answered, {admitted - answered.Count} refused by its cap, {300 - admitted} dropped by the ban; " +
            $"200 OK sends per call {string.Join(",", answered.Select(c => toFlooder.Count(m => m.CallId == c && m is SipResponse { StatusCode: 200 })))}; stranger {toStranger.Count} x 403");
    }

    [Fact]
    public async Task OptionsFlood_LargeMessagesFromManySources_MemoryWithinBudgetAndHeldStateReturnsWhileCallBridged()
    {
        var server = Harness.Server;
        var target = server.SipEndPoint;
        var before = await SecurityHarness.MetricsAsync(server);
        var transactionsBefore = SecurityHarness.Metric(before, "switchboard_sip_server_transactions") ?? 0;
        var baseline = SecurityHarness.ResidentBytes(server);
        var peak = baseline;
        double peakTransactions = 0, peakHeldBytes = 0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, SecurityHarness.ResidentBytes(server));
                var now = await SecurityHarness.MetricsAsync(server);
                peakTransactions = Math.Max(peakTransactions, SecurityHarness.Metric(now, "switchboard_sip_server_transactions") ?? 0);
                peakHeldBytes = Math.Max(peakHeldBytes, SecurityHarness.Metric(now, "switchboard_sip_server_transaction_bytes") ?? 0);
                await Task.Delay(50, CancellationToken.None); // sampling interval of the measurement, not a wait for the server
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
                        await clients[c].SendAsync(AttackMessages.Options(target.Port, $"z9hG4bKf{c}x{n}", padding), target);
                    }
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        });
        await SecurityHarness.AssertCallBridgedBothWaysAsync(Harness);
        await flood.DefaultTimeout();
        await done.CancelAsync();
        await sampler.DefaultTimeout();

        Assert.True(peak - baseline < FloodMemoryBudget,
            $"resident memory grew {(peak - baseline) / 1048576} MiB during the flood (budget {FloodMemoryBudget / 1048576} MiB; baseline {baseline / 1048576} MiB)");
        // The flood did load the server (how many of the 10,000 datagrams the kernel delivered varies), within the caps.
        Assert.InRange(peakTransactions, transactionsBefore + 100, 5000); // Sip:Security:MaxServerTransactions
        Assert.InRange(peakHeldBytes, 0, 16 * 1024 * 1024);               // Sip:Security:MaxServerTransactionBytes

        // Afterwards: once the flood's transactions have absorbed their retransmissions (timer J, 64*T1), the server holds
        // what it held before: the state is bounded by configuration and given back, not kept by the attacker. (The
        // legitimate call's own transactions, younger than the flood's, may still be waiting out their timer J.)
        var after = await SecurityHarness.WaitForMetricsAsync(server, m =>
                SecurityHarness.Metric(m, "switchboard_sip_server_transactions") <= transactionsBefore + 50 &&
                SecurityHarness.Metric(m, "switchboard_sip_server_transaction_bytes") <= 64 * 1024,
            "the flood's server transactions expire", TransactionTimeout + TimeSpan.FromSeconds(25));
        var settled = SecurityHarness.ResidentBytes(server);
        Assert.True(settled - baseline < FloodMemoryBudget, $"resident memory after the flood is {(settled - baseline) / 1048576} MiB above the baseline");
        output.WriteLine($"RSS baseline {baseline / 1048576} MiB, peak {peak / 1048576} MiB, after {settled / 1048576} MiB; server transactions " +
            $"{transactionsBefore} before, peak {peakTransactions}, after {SecurityHarness.Metric(after, "switchboard_sip_server_transactions")}; held bytes peak {peakHeldBytes}, " +
            $"after {SecurityHarness.Metric(after, "switchboard_sip_server_transaction_bytes")}");

        using var ping = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.Equal(200, (await AttackMessages.ExchangeAsync(ping, target, AttackMessages.Options(target.Port, "z9hG4bKafterflood", ""))).StatusCode);
    }

    [Fact]
    public async Task IdleTcpConnections_Hundreds_ClosedAfterTimeoutWhileNewClientServedAndCallBridged()
    {
        var server = Harness.Server;
        var target = server.SipEndPoint;
        var closedBefore = await SecurityHarness.SecurityEventCountAsync(server, "tcp_idle_closed");
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
                await fresh.GetStream().WriteAsync(AttackMessages.Options(target.Port, "z9hG4bKtcpfresh", "", "TCP")).DefaultTimeout();
                Assert.Equal(200, (await AttackMessages.ReadResponseAsync(fresh.GetStream())).StatusCode);
            }

            await SecurityHarness.AssertCallBridgedBothWaysAsync(Harness);
            var closed = await Task.WhenAll(idle.Select(ReadUntilClosedAsync));
            Assert.All(closed, Assert.True);
            Assert.True(await SecurityHarness.SecurityEventCountAsync(server, "tcp_idle_closed") - closedBefore >= 300);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Messages a rate-limited source can get through when it is banned within <paramref name="seconds"/> of its first
    /// message (the burst plus the refill until then): an upper bound taken from the test's own clock, which starts
    /// before the first message and stops after the ban was seen on /metrics.
    /// </summary>
    private static int Allowance(double seconds) => Burst + (int)Math.Ceiling(RatePerSecond * seconds) + 1;

    private static HashSet<string> CallIdsWith(IEnumerable<SipMessage> messages, int status) =>
        [.. messages.OfType<SipResponse>().Where(r => r.StatusCode == status).Select(r => r.CallId!)];

    private static HashSet<string> ByeCallIds(IEnumerable<SipMessage> messages) =>
        [.. messages.OfType<SipRequest>().Where(r => r.Method == SipMethods.Bye).Select(r => r.CallId!)];

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
