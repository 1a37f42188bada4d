using System.Globalization;
using System.Text.RegularExpressions;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Wallboard;

/// <summary>/metrics of the real server process while a real baresip call goes through the menu into a queue and hangs up.</summary>
[Collection(SecurityCollection.Name)]
public sealed class MetricsCallTests
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Metrics_CallThroughIvrIntoQueue_FiguresMove()
    {
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = CallFlowHarness.FixtureDialplan,
            ["Acd:Tenant"] = "m" + Guid.NewGuid().ToString("N")[..12],
            ["Statistics:ShortAbandonThreshold"] = "00:00:00",
            ["Metrics:RefreshInterval"] = "00:00:01",
        }); // bounded by TestTimeouts.ProcessStart
        using var http = new HttpClient { BaseAddress = server.WebUrl };
        var before = await ScrapeAsync(http);
        Assert.Equal(0, Value(before, "switchboard_calls", "phase=\"ivr\""));
        Assert.Equal(0, Value(before, "switchboard_queue_callers_waiting", "queue=\"bsu\""));
        Assert.Equal(0, Value(before, "switchboard_rtp_sessions", null));
        Assert.Matches(@"switchboard_redis_ping_seconds(\{\})? [0-9.E-]+\n", before);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0702223344" }).DefaultTimeout();
        await caller.DialAsync($"sip:ivr@127.0.0.1:{server.SipPort}").DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // In the menu: one call in the IVR, one RTP session, the clock ticking, the INVITE counted as a 2xx server transaction.
        var inIvr = await WaitForAsync(http, text => Value(text, "switchboard_calls", "phase=\"ivr\"") == 1);
        Assert.Equal(1, Value(inIvr, "switchboard_rtp_sessions", null));
        Assert.True(Value(inIvr, "switchboard_media_clock_ticks_total", null) > Value(before, "switchboard_media_clock_ticks_total", null));
        Assert.Contains("# TYPE switchboard_media_clock_lateness_seconds histogram\n", inIvr, StringComparison.Ordinal);
        Assert.True(Value(inIvr, "switchboard_media_clock_lateness_seconds_count", null) > 0);
        Assert.Equal(1, Value(inIvr, "switchboard_sip_transactions_total", "method=\"INVITE\",result=\"2xx\",side=\"server\""));
        await WaitForAsync(http, text => Value(text, "switchboard_rtp_packets_total", "direction=\"sent\"") >= 10 && Value(text, "switchboard_rtp_packets_total", "direction=\"received\"") >= 10);

        // Press 1: the caller leaves the menu and waits in bsu.
        await caller.SendDtmfAsync("1").DefaultTimeout();
        var queued = await WaitForAsync(http, text => Value(text, "switchboard_queue_callers_waiting", "queue=\"bsu\"") == 1);
        Assert.Equal(0, Value(queued, "switchboard_calls", "phase=\"ivr\""));
        Assert.Equal(1, Value(queued, "switchboard_calls", "phase=\"queued\""));
        Assert.Equal(1, Value(queued, "switchboard_queue_waiting", "queue=\"bsu\""));

        // Hang up while waiting: abandoned today, nothing waiting, the BYE counted.
        await caller.HangupAsync().DefaultTimeout();
        var after = await WaitForAsync(http, text => Value(text, "switchboard_queue_abandoned_today", "queue=\"bsu\"") == 1 && Value(text, "switchboard_rtp_sessions", null) == 0);
        Assert.Equal(0, Value(after, "switchboard_queue_callers_waiting", "queue=\"bsu\""));
        Assert.Equal(0, Value(after, "switchboard_calls", "phase=\"queued\""));
        Assert.Equal(1, Value(after, "switchboard_sip_transactions_total", "method=\"BYE\",result=\"2xx\",side=\"server\""));
        Assert.True(Value(after, "switchboard_rtp_packets_total", "direction=\"sent\"") >= Value(queued, "switchboard_rtp_packets_total", "direction=\"sent\""), "totals keep closed sessions");
        Assert.All(after.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("switchboard_", StringComparison.Ordinal), line));
    }

    [Fact]
    public async Task Metrics_CallConnectedToAgent_StepTimingsInHistograms()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0702223355" }).DefaultTimeout();
        using var http = new HttpClient { BaseAddress = harness.Server.WebUrl };

        await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        var text = await WaitForAsync(http, t => Value(t, "switchboard_call_agent_dial_seconds_count", "outcome=\"connected\"") == 1);

        Assert.Equal(1, Value(text, "switchboard_call_setup_seconds_count", null));
        Assert.Equal(1, Value(text, "switchboard_queue_wait_until_accepted_seconds_count", "queue=\"bsu\""));
        Assert.Contains("# TYPE switchboard_queue_wait_until_accepted_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Equal(1, Value(text, "switchboard_call_agent_dial_seconds_bucket", "outcome=\"connected\",le=\"+Inf\""));
        Assert.True(Value(text, "switchboard_call_setup_seconds_sum", null) > 0);
        await caller.HangupAsync().DefaultTimeout();
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().DefaultTimeout();
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds (a poll with a deadline, not a fixed wait).</summary>
    private static Task<string> WaitForAsync(HttpClient http, Func<string, bool> condition) =>
        Eventually.UntilAsync(() => ScrapeAsync(http), condition, "the metrics match", Live, text => "\n" + text);

    /// <summary>The value of one sample (<paramref name="labels"/> exactly as rendered, or null for none: no braces or <c>{}</c>); NaN when absent.</summary>
    private static double Value(string text, string name, string? labels)
    {
        var pattern = "^" + Regex.Escape(name) + (labels is null ? "(?:\\{\\})?" : Regex.Escape("{" + labels + "}")) + " (\\S+)$";
        var match = Regex.Match(text, pattern, RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }
}
