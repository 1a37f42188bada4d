using System.Globalization;
using Switchboard.Acd.Events;
using Switchboard.Interop.Tests.Calls;
using PuppeteerSharp;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Chromium;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// The agent page in headless Chromium against the real server process, Redis and SIP peers, driven with the keyboard
/// only: the agent signs in on the page, a baresip caller presses 1, the offer appears without a reload with its
/// countdown, the agent accepts, their registered baresip phone rings and the two hear each other, the agent transfers
/// to a handläggare (SIPp answering on the trunk) and the page shows "besvarat", wraps up with an outcome, and the
/// page's own figures count the call; then the supervisor's report page counts it (table and chart). axe-core finds no
/// serious violation; screenshots are saved.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AgentConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Handlaggare = "+46812345678";

    [Fact]
    public async Task AgentPage_KeyboardOnly_OfferAcceptTransferWrapUp()
    {
        await using var handlaggare = await CallFlowHarness.StartHandlaggareAsync(TimeSpan.FromSeconds(120));
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, settings: new Dictionary<string, string?>
        {
            ["Trunk:Uri"] = $"sip:127.0.0.1:{handlaggare.LocalPort}",
            ["Trunk:CallerId"] = "+4631123456",
        });
        await using var browser = await ChromiumBrowser.StartAsync(1280, 900).WaitAsync(TestTimeouts.ProcessStart);
        var live = ConsoleBrowser.Live;

        // Sign in on the shared page with the keyboard; the agent's page opens.
        await ConsoleBrowser.SignInAsync(browser, harness.Server.WebUrl, CallFlowHarness.AgentToken, "/console/agent");
        Assert.Equal("anna", await ConsoleBrowser.TextAsync(browser, "who"));
        await browser.WaitUntilAsync("document.getElementById('state').dataset.state === 'AGENT_STATE_SIGNED_OUT'", live);
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // Desktop notifications are asked for only on the agent's own key press (a user gesture); the browser (set by the
        // test to allow them) grants them and the page says so.
        output.WriteLine("notification permission at load: " + (await browser.EvaluateAsync("Notification.permission")).GetString());
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("notify-enable"), live);
        await browser.Page.BrowserContext.OverridePermissionsAsync(harness.Server.WebUrl.GetLeftPart(UriPartial.Authority), [OverridePermission.Notifications]);
        await browser.TabToAsync("#notify-enable");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('notify-status').dataset.permission === 'granted' && !(" + ConsoleBrowser.Visible("notify-enable") + ")", live);

        // Sign in to bsu with the keyboard: tick the queue (one of anna's assigned queues in the directory), submit.
        await browser.TabToAsync("#queue-bsu");
        await browser.PressAsync("Space");
        await browser.TabToAsync("#signin-queue");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('state').dataset.state === 'AGENT_STATE_READY'", live);
        await browser.WaitUntilAsync("!!document.querySelector('#queue-counts tr[data-queue=bsu]')", live);
        await browser.EvaluateAsync("window.__notReloaded = true");

        // A caller presses 1: the offer arrives on the page, with a running countdown, without a reload.
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701239876", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var offered = await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.Offered);
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("offer") + " && document.getElementById('countdown').textContent !== ''", live);
        Assert.Contains("BSU", await ConsoleBrowser.TextAsync(browser, "offer-queue"), StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"^\d+:\d\d$", await ConsoleBrowser.TextAsync(browser, "countdown"));
        Assert.True((await browser.EvaluateAsync("window.__notReloaded === true")).GetBoolean(), "the page was not reloaded");
        output.WriteLine("offer screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-agent-offer"));
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // Accept with the keyboard: the agent's phone rings (auto-answer) and the two hear each other.
        await browser.TabToAsync("#accept");
        await browser.PressAsync("Enter");
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("call") + " && document.getElementById('state').dataset.state === 'AGENT_STATE_ON_CALL'", live);
        await HeardAudio.WaitUntilHeardAsync(caller, r => r.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"the caller hears the agent's {CallFlowHarness.AgentTone} Hz", live);
        await HeardAudio.WaitUntilHeardAsync(harness.AgentPhone, r => r.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"the agent hears the caller's {CallFlowHarness.CallerTone} Hz", live);
        output.WriteLine("call screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-agent-call"));

        // Transfer to the handläggare with the keyboard: the page shows the tracked outcome "besvarat".
        await browser.TabToAsync("#transfer-number");
        await browser.TypeAsync(Handlaggare);
        await browser.TabToAsync("#transfer");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('transfer-result').dataset.result === 'answered'", live);
        Assert.Equal("besvarat", await ConsoleBrowser.TextAsync(browser, "transfer-result"));

        // Wrap-up: choose "Vidarekopplat" with the arrow keys, finish with Enter; the agent is ready again.
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("wrapup") + " && document.getElementById('state').dataset.state === 'AGENT_STATE_WRAP_UP'", live);
        await browser.WaitUntilAsync("/^\\d+:\\d\\d$/.test(document.getElementById('wrapup-timer').textContent)", live);
        output.WriteLine("wrap-up screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-agent-wrapup"));
        await browser.TabToAsync("#outcome");
        await browser.PressAsync("ArrowDown");
        Assert.Equal("OUTCOME_FORWARDED", (await browser.EvaluateAsync("document.getElementById('outcome').value")).GetString());
        await browser.TabToAsync("#complete");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('state').dataset.state === 'AGENT_STATE_READY'", live);
        var ended = await harness.WaitForAcdEventAsync(e => e.Type == AcdEventType.WrapUpEnded && e.AgentId == CallFlowHarness.AgentId, live);
        Assert.Equal("forwarded", ended.Fields["outcome"]);

        // The agent's own figures for today count the answered call and the outcome.
        await browser.WaitUntilAsync("document.getElementById('stat-answered').textContent === '1' && document.getElementById('stat-outcomes').textContent.includes('forwarded')", live);
        Assert.True((await browser.EvaluateAsync("window.__notReloaded === true")).GetBoolean(), "the page was not reloaded");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"offered call {offered.CallId}"));

        await caller.HangupAsync().DefaultTimeout();
        var sipp = await handlaggare.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());

        // The agent signs out of the page; the supervisor signs in and the report page counts the call, with charts.
        await browser.TabToAsync("#signout");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("location.pathname === '/signin'", live);
        await ConsoleBrowser.SignInAsync(browser, harness.Server.WebUrl, CallFlowHarness.SupervisorToken, "/console/supervisor");
        await browser.EvaluateAsync("document.getElementById('tab-reports').click(); true");
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("panel-reports"), live);
        await browser.TabToAsync("#report-show");
        await browser.PressAsync("Enter");
        var answered = "document.querySelector('#report-table tr[data-queue=bsu] td[data-field=answered]')?.textContent";
        await browser.WaitUntilAsync(answered + " === '1' && document.querySelectorAll('#chart-volume rect[data-series]').length > 0", live);
        Assert.Equal("1", (await browser.EvaluateAsync("document.querySelector('#report-table tr[data-queue=bsu] td[data-field=offered]').textContent")).GetString());
        Assert.Equal("1", (await browser.EvaluateAsync("document.querySelector('#report-table tr[data-queue=bsu] td[data-field=tr_answered]').textContent")).GetString());
        // The wait-time distribution: five buckets, the one answered call in one of them.
        Assert.Equal(5, (await browser.EvaluateAsync("document.querySelectorAll('#chart-wait-distribution rect[data-series]').length")).GetInt32());
        Assert.Equal(1, (await browser.EvaluateAsync("[...document.querySelectorAll('#chart-wait-distribution rect[data-series]')].reduce((s, r) => s + Number(r.dataset.value), 0)")).GetDouble());
        Assert.Equal("1", (await browser.EvaluateAsync("String([...document.querySelectorAll('#report-table tr[data-queue=bsu] td[data-field^=wait_]')].reduce((s, td) => s + Number(td.textContent), 0))")).GetString());
        output.WriteLine("report screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-reports"));
        await ConsoleBrowser.AssertAccessibleAsync(browser);
    }
}
