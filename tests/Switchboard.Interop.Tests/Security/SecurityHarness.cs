using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
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

    /// <summary>
    /// Places the legitimate call and asserts it is answered, queued, bridged to the agent and carries audio both ways;
    /// runs <paramref name="whileBridged"/> (if any) while the call is still up; hangs up and completes the wrap-up.
    /// </summary>
    public static async Task AssertCallBridgedBothWaysAsync(CallFlowHarness harness, Func<Task>? whileBridged = null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        var agentRecordings = harness.AgentPhone.HeardRecordings().Count; // the shared agent phone has recorded earlier calls
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

        var agentHeard = await NewRecordingAsync(harness.AgentPhone, agentRecordings, TimeSpan.FromSeconds(2));
        var callerMark = HeardAudio.CurrentLength(caller);
        await HeardAudio.WaitForMoreAudioAsync(caller, callerMark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        var atAgent = HeardAudio.Tail(PcmRecording.Read(agentHeard), TimeSpan.FromSeconds(1));
        Assert.True(atAgent.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"agent hears the caller: {atAgent.ToneRatio(CallFlowHarness.CallerTone):0.00}");
        var atCaller = HeardAudio.Tail(PcmRecording.Read(caller.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        Assert.True(atCaller.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"caller hears the agent: {atCaller.ToneRatio(CallFlowHarness.AgentTone):0.00}");
        if (whileBridged is not null)
        {
            await whileBridged();
        }

        await HangUpAndWrapUpAsync(harness, caller, events, stop.Token);
    }

    /// <summary>The caller hangs up; once the agent's phone has closed the call, the agent completes the wrap-up (ready for the next attack).</summary>
    public static async Task HangUpAndWrapUpAsync(CallFlowHarness harness, BaresipPhone caller, AsyncServerStreamingCall<AgentEvent> events, CancellationToken cancellationToken)
    {
        var agentSince = harness.AgentPhone.EventCount;
        await caller.HangupAsync().DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed, agentSince).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, cancellationToken).DefaultTimeout();
        await harness.Agent.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = CallFlowHarness.AgentId, Outcome = Outcome.Resolved }, harness.AgentHeaders)
            .ResponseAsync.DefaultTimeout();
    }

    /// <summary>
    /// The recording of the call <paramref name="phone"/> is in now (not one of the <paramref name="earlier"/> calls
    /// it recorded before), once it holds <paramref name="duration"/> of audio.
    /// </summary>
    public static async Task<string> NewRecordingAsync(BaresipPhone phone, int earlier, TimeSpan duration)
    {
        await Eventually.UntilAsync(() => phone.HeardRecordings().Count > earlier, "the phone records the new call", TimeSpan.FromSeconds(15));
        await HeardAudio.WaitForMoreAudioAsync(phone, 44, duration).DefaultTimeout();
        return phone.HeardRecordings()[^1];
    }


    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    /// <summary>One counter of <c>switchboard_sip_security_events_total</c> from the server's /metrics (0 before the first event).</summary>
    public static async Task<long> SecurityEventCountAsync(SwitchboardProcess server, string label) =>
        (long)(Metric(await MetricsAsync(server), "switchboard_sip_security_events_total", $"event=\"{label}\"") ?? 0);

    /// <summary>The server's /metrics text.</summary>
    public static async Task<string> MetricsAsync(SwitchboardProcess server)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(server.WebUrl, "/metrics")).DefaultTimeout();
    }

    /// <summary>One series of <paramref name="metrics"/>: <paramref name="name"/> with exactly <paramref name="labels"/> (none: any or no labels); null when absent.</summary>
    public static double? Metric(string metrics, string name, string? labels = null)
    {
        var series = labels is null ? "(?:\\{[^}]*\\})?" : "\\{" + Regex.Escape(labels) + "\\}";
        var match = Regex.Match(metrics, "^" + Regex.Escape(name) + series + " (\\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Gauge <paramref name="name"/> from /metrics (0 when not exported yet).</summary>
    public static async Task<double> GaugeAsync(SwitchboardProcess server, string name) => Metric(await MetricsAsync(server), name) ?? 0;

    /// <summary>Reads /metrics (through <see cref="Eventually"/>) until <paramref name="condition"/> holds; fails after <paramref name="timeout"/> saying <paramref name="what"/>.</summary>
    public static Task<string> WaitForMetricsAsync(SwitchboardProcess server, Func<string, bool> condition, string what, TimeSpan timeout) =>
        Eventually.UntilAsync(() => MetricsAsync(server), condition, what, timeout, describe: _ => "see /metrics");

    /// <summary>The server's resident set size in bytes (VmRSS in /proc/PID/status).</summary>
    public static long ResidentBytes(SwitchboardProcess server)
    {
        var line = File.ReadLines($"/proc/{server.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(RssValue().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex RssValue();
}
