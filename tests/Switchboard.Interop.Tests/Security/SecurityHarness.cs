using System.Globalization;
using System.Text.RegularExpressions;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// The running server set up as on a hostile network: only 127.0.0.1 (the "trunk", where baresip runs) may place calls
/// and is exempt from the per-source rate limit; every other 127.x.y.z address is a stranger. The legitimate call is the
/// whole thing: a caller dials the IVR, presses 1, the agent accepts, and each side hears the other's tone.
/// </summary>
internal static partial class SecurityHarness
{
    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sip:Security:CallSources:0"] = "127.0.0.1",
            ["Sip:Security:RateLimit:ExemptSources:0"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Switchboard.Security"] = "Information",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Places the legitimate call and asserts it is answered, bridged and carries audio both ways; hangs up.</summary>
    public static async Task AssertCallBridgedBothWaysAsync(CallFlowHarness harness)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701234567", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        try
        {
            await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        }
        catch (TimeoutException timeout)
        {
            // Rare under load in CI: say what each side saw, so the next failure explains itself.
            throw new TimeoutException(
                $"the legitimate call was not connected. Caller's baresip:\n{Tail(caller.Log)}\nAgent's baresip:\n{Tail(harness.AgentPhone.Log)}\n" +
                $"Server:\n{Tail(harness.Server.StandardOutput)}\n{Tail(harness.Server.StandardError)}", timeout);
        }

        var agentHeard = await harness.AgentPhone.WaitForHeardAudioAsync(TimeSpan.FromSeconds(2)).DefaultTimeout();
        var callerMark = HeardAudio.CurrentLength(caller);
        await HeardAudio.WaitForMoreAudioAsync(caller, callerMark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        var atAgent = HeardAudio.Tail(PcmRecording.Read(agentHeard), TimeSpan.FromSeconds(1));
        Assert.True(atAgent.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"agent hears the caller: {atAgent.ToneRatio(CallFlowHarness.CallerTone):0.00}");
        var atCaller = HeardAudio.Tail(PcmRecording.Read(caller.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        Assert.True(atCaller.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"caller hears the agent: {atCaller.ToneRatio(CallFlowHarness.AgentTone):0.00}");

        await caller.HangupAsync().DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        await harness.Agent.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = CallFlowHarness.AgentId, Outcome = Outcome.Resolved }, harness.AgentHeaders)
            .ResponseAsync.DefaultTimeout();
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    /// <summary>One counter of <c>switchboard_sip_security_events_total</c> from the server's /metrics.</summary>
    public static async Task<long> SecurityEventCountAsync(SwitchboardProcess server, string label)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(server.WebUrl, "/metrics")).DefaultTimeout();
        var match = Regex.Match(text, $"^switchboard_sip_security_events_total{{event=\"{label}\"}} (\\d+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {label} counter on /metrics");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The server's resident set size in bytes (VmRSS in /proc/PID/status).</summary>
    public static long ResidentBytes(SwitchboardProcess server)
    {
        var line = File.ReadLines($"/proc/{server.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(RssValue().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex RssValue();
}
