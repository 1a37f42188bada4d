using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Interop.Tests.Calls;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Issue 14's registrar attacks against the running server with real attacker tools (Debian's sipvicious): a svcrack
/// brute force is paused and locked out while the real agent still registers and takes a call; a replayed REGISTER is
/// refused; svwar and svmap scans learn no account; fail2ban-regex with docs/fail2ban finds the attackers in the server's
/// own log and never the agent.
/// </summary>
public sealed partial class HostileNetworkTests
{
    [Fact]
    public async Task Svcrack_BruteForce_LockedOutWhileAgentRegistersAndTakesACall_Fail2banFindsOnlyTheAttacker()
    {
        // The fixture exempts svcrack's source from the flood ban: here the registrar's own protection is on trial.
        var harness = Harness;
        var lockedOutBefore = await SecurityHarness.SecurityEventCountAsync(harness.Server, "source_locked_out");
        var refusedBefore = await SecurityHarness.SecurityEventCountAsync(harness.Server, "locked_out_refused");
        var words = Path.Combine(Path.GetTempPath(), "sb-words-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        // The right password sits at line 40: without the protection svcrack finds it in well under a second.
        await File.WriteAllLinesAsync(words, [.. Enumerable.Range(1, 39).Select(i => $"guess{i}"), CallFlowHarness.AgentPassword, "guess41"]);

        var output = await Sipvicious.RunAsync("svcrack", SecurityFixture.SvcrackSource,
            ["-u", CallFlowHarness.AgentId, "-d", words, "--maximumtime", "3", $"udp://127.0.0.1:{harness.Server.SipPort}"], TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(CallFlowHarness.AgentPassword, output, StringComparison.Ordinal);
        Assert.Contains("found nothing", output, StringComparison.Ordinal);
        Assert.True(await SecurityHarness.SecurityEventCountAsync(harness.Server, "source_locked_out") > lockedOutBefore, output);
        Assert.True(await SecurityHarness.SecurityEventCountAsync(harness.Server, "locked_out_refused") > refusedBefore, output);

        // The agent's phone (another source) registers again and takes a call, both ways.
        await using (var phone = await BaresipPhone.StartAsync(new BaresipOptions
        {
            User = CallFlowHarness.AgentId, Registrar = harness.Server.SipEndPoint, AuthUser = CallFlowHarness.AgentId, Password = CallFlowHarness.AgentPassword,
        }).DefaultTimeout())
        {
            await phone.WaitForEventAsync(BaresipEventType.RegisterOk).DefaultTimeout();
        }

        await harness.AgentPhone.SendCommandAsync("reginfo", null).DefaultTimeout();
        await SecurityHarness.AssertCallBridgedBothWaysAsync(harness);

        var ips = await Fail2banIpsAsync(harness.Server.StandardOutput);
        Assert.Contains(SecurityFixture.SvcrackSource, ips);
        Assert.DoesNotContain("127.0.0.1", ips);
    }

    [Fact]
    public async Task ReplayedRegister_OtherContactFromAnotherSource_RefusedAndAgentStillReachable()
    {
        var harness = Harness;
        var failedBefore = await SecurityHarness.SecurityEventCountAsync(harness.Server, "authentication_failed");
        var target = harness.Server.SipEndPoint;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        // The genuine request removes a contact that is not bound (Expires: 0), so the agent's real binding stays as it is.
        var challenge = await AttackMessages.ExchangeAsync(phone, target, AttackMessages.Register(target.Port, "<sip:anna@127.0.0.1:5999>;expires=0", 1, null));
        Assert.Equal(401, challenge.StatusCode);
        var offer = DigestChallenge.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!);
        var credentials = DigestCredentials.Create(offer, CallFlowHarness.AgentId, CallFlowHarness.AgentPassword, "REGISTER", $"sip:127.0.0.1:{target.Port}");
        var genuine = await AttackMessages.ExchangeAsync(phone, target, AttackMessages.Register(target.Port, "<sip:anna@127.0.0.1:5999>;expires=0", 2, credentials.ToString()));
        Assert.Equal(200, genuine.StatusCode);

        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.77"), 0));
        var replay = await AttackMessages.ExchangeAsync(attacker, target, AttackMessages.Register(target.Port, "<sip:anna@127.0.0.77:5060>", 2, credentials.ToString()));

        Assert.Equal(403, replay.StatusCode);
        Assert.Equal(failedBefore + 1, await SecurityHarness.SecurityEventCountAsync(harness.Server, "authentication_failed"));
        await SecurityHarness.AssertCallBridgedBothWaysAsync(harness); // the agent's binding still rings the agent's phone
    }

    [Fact]
    public async Task SvwarAndSvmapScans_LearnNoAccount()
    {
        var harness = Harness;
        var target = $"udp://127.0.0.1:{harness.Server.SipPort}";
        var extensions = Path.Combine(Path.GetTempPath(), "sb-ext-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        await File.WriteAllLinesAsync(extensions, ["100", CallFlowHarness.AgentId, "admin", CallFlowHarness.SecondAgentId, "200"]);

        foreach (var method in new[] { "REGISTER", "INVITE", "OPTIONS" })
        {
            foreach (var force in new[] { false, true })
            {
                string[] arguments = ["-d", extensions, "-m", method, .. force ? new[] { "--force" } : [], target];
                var output = await Sipvicious.RunAsync("svwar", "127.0.0.70", arguments, TimeSpan.FromSeconds(60));
                Assert.Contains("found nothing", output, StringComparison.Ordinal);
                Assert.DoesNotContain($"| {CallFlowHarness.AgentId} ", output, StringComparison.Ordinal);
            }
        }

        var map = await Sipvicious.RunAsync("svmap", "127.0.0.71", ["127.0.0.1", "-p", harness.Server.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(CallFlowHarness.AgentId, map, StringComparison.Ordinal); // the device is found (it is a SIP server), no account is
    }

    /// <summary>Runs fail2ban-regex with docs/fail2ban/filter.d/switchboard.conf over a captured server log; returns the addresses it would ban.</summary>
    private static async Task<List<string>> Fail2banIpsAsync(string log)
    {
        var file = Path.Combine(Path.GetTempPath(), "sb-f2b-" + Guid.NewGuid().ToString("N")[..8] + ".log");
        await File.WriteAllTextAsync(file, log);
        var filter = Path.Combine(RepositoryPaths.Root, "docs", "fail2ban", "filter.d", "switchboard.conf");
        var start = new ProcessStartInfo("fail2ban-regex") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-o", "ip", file, filter })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync().DefaultTimeout();
        await process.WaitForExitAsync().DefaultTimeout();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
