using System.Globalization;
using System.Text.Json;
using Switchboard.Acd.Events;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli;
using Switchboard.Interop.Tests.Calls;
using Switchboard.Interop.Tests.Media;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// The supervisor pages in headless Chromium against the real server process, Redis and baresip callers: the crisis
/// message switched on with a confirmation is heard by a new caller (correlated with the prompt file) and switched off;
/// a closure added for tomorrow shows in the calendar's preview and after saving, as `sbctl supervisor hours` prints it;
/// a dialplan edited with an error has the line marked, is fixed, published (a new call follows the new menu while a
/// call in progress keeps the old one) and rolled back.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class SupervisorConsoleBrowserTests(SupervisorConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<SupervisorConsoleFixture>
{
    private static readonly TimeSpan Live = ConsoleBrowser.Live;

    private CallFlowHarness Harness => fixture.Harness;

    [Fact]
    public async Task Crisis_SwitchedOnWithConfirmation_NewCallerHearsItThenOff()
    {
        var browser = fixture.Browser;
        await fixture.OpenTabAsync("crisis");
        await browser.WaitUntilAsync("document.getElementById('crisis-status').dataset.enabled === 'false'", Live);
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // Switch on, closing the line after the message: a confirmation comes first; nothing changes until it is given.
        await browser.TabToAsync("#crisis-closed");
        await browser.PressAsync("Space");
        await browser.TabToAsync("#crisis-toggle");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("crisis-confirm") + " && document.activeElement.id === 'crisis-yes'", Live);
        Assert.Equal("false", (await browser.EvaluateAsync("document.getElementById('crisis-status').dataset.enabled")).GetString());
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-crisis"));
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('crisis-status').dataset.enabled === 'true'", Live);
        Assert.StartsWith("sara, ", await ConsoleBrowser.TextAsync(browser, "crisis-audit"), StringComparison.Ordinal);

        // The node takes it (its start page says so), and a new caller hears the crisis message and is not queued.
        await WaitForLineAsync(line => line.Contains("emergency", StringComparison.Ordinal));
        await using (var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0704445566", Record = true }).DefaultTimeout())
        {
            await caller.DialAsync(Harness.IvrUri).DefaultTimeout();
            await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
            await caller.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(40));
            var heard = PcmRecording.Read(caller.HeardRecordings()[^1]);
            var crisis = AudioCorrelation.Best(heard.Samples, PcmRecording.Read(Prompt("emergency")).Samples);
            // The control is the main menu, which a caller on a line closed by the crisis message must not reach
            // (goodbye is not a control: the closed line says it after the message).
            var control = AudioCorrelation.Best(heard.Samples, PcmRecording.Read(Prompt("menu_main")).Samples);
            output.WriteLine($"heard {heard.Duration.TotalSeconds:0.0} s; emergency peak {crisis.Peak:0.000}, menu peak {control.Peak:0.000}");
            Assert.True(crisis.Peak > 0.5, $"the caller should hear the crisis message: correlation peak {crisis.Peak:0.000}");
            Assert.True(control.Peak < crisis.Peak / 2, $"a prompt that was not played must not match: {control.Peak:0.000}");
        }

        var events = await Harness.Acd.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.DoesNotContain(events, e => e.Type == AcdEventType.Enqueued);

        // Switch off again, confirmed with the keyboard.
        await browser.TabToAsync("#crisis-toggle");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync(ConsoleBrowser.Visible("crisis-confirm"), Live);
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('crisis-status').dataset.enabled === 'false'", Live);
        await WaitForLineAsync(line => !line.Contains("emergency", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hours_ClosureForTomorrow_PreviewedSavedAndAsSbctlPrintsIt()
    {
        var browser = fixture.Browser;
        await fixture.OpenTabAsync("hours");
        await browser.WaitUntilAsync("document.querySelectorAll('#calendar td[data-date]').length === 28", Live);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime).AddDays(1)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cell = $"document.querySelector('#calendar td[data-date=\"{tomorrow}\"]')";
        Assert.NotEqual(string.Empty, (await browser.EvaluateAsync(cell + ".dataset.open")).GetString());

        // Add the closure: the preview marks tomorrow as changed and closed; nothing is saved yet.
        await browser.EvaluateAsync($"document.getElementById('exc-date').value = {JsonSerializer.Serialize(tomorrow)}; true");
        await browser.TabToAsync("#exc-note");
        await browser.TypeAsync("Personaldag");
        await browser.TabToAsync("#exc-add");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync(cell + ".dataset.changed === 'true' && " + cell + ".dataset.open === ''", Live);
        Assert.Equal("dialplan", (await Harness.Supervisor.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout()).Source);
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-calendar"));
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // Save: the calendar in force shows it, and sbctl prints the same closure.
        // The page is not reloaded between tests: forget an earlier test's "saved" before this save, so the wait below
        // sees this save's answer, not the last one's.
        await browser.EvaluateAsync("(() => { delete document.getElementById('hours-result').dataset.saved; delete document.getElementById('calendar').dataset.source; return true; })()");
        await browser.TabToAsync("#hours-save");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('hours-result').dataset.saved === 'true' && document.getElementById('calendar').dataset.source === 'live' && " + cell + ".dataset.open === ''", Live);
        var sbctl = await SbctlAsync("supervisor", "hours", "get", "--url", Harness.Server.ApiUrl.ToString(), "--token", CallFlowHarness.SupervisorToken);
        Assert.Contains($"  {tomorrow}  closed (Personaldag)", sbctl, StringComparison.Ordinal);
        var calendar = await Harness.Supervisor.GetOpeningCalendarAsync(new GetOpeningCalendarRequest { From = tomorrow, Days = 1 }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Empty(Assert.Single(calendar.Days).Open);
        Assert.Equal("exception", calendar.Days[0].Reason);

        await Harness.Supervisor.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
    }

    [Fact]
    public async Task Dialplan_ErrorMarkedFixedPublishedThenRolledBack_CallsFollowTheirVersion()
    {
        var browser = fixture.Browser;
        var original = await File.ReadAllTextAsync(CallFlowHarness.FixtureDialplan);
        var first = await Harness.Supervisor.PublishDialplanAsync(new PublishDialplanRequest { Yaml = original, Comment = "e2e: start" }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        await fixture.OpenTabAsync("dialplan");
        await browser.WaitUntilAsync($"document.getElementById('dialplan-version').dataset.sequence === '{first.Version.Sequence}' && document.getElementById('dialplan-status').dataset.valid === 'true'", Live);

        // An error: key 1 to a queue that does not exist. The server's validation marks that line.
        var lines = original.Split('\n');
        var errorLine = Array.FindIndex(lines, l => l.Contains("1: queue:bsu", StringComparison.Ordinal)) + 1;
        await SetEditorAsync(original.Replace("1: queue:bsu", "1: queue:nosuchqueue", StringComparison.Ordinal));
        await browser.WaitUntilAsync("document.getElementById('dialplan-status').dataset.valid === 'false'", Live);
        await browser.WaitUntilAsync($"document.querySelector('#dialplan-lines li:nth-child({errorLine})').dataset.bad === 'true'", Live);
        Assert.True((await browser.EvaluateAsync("document.getElementById('dialplan-publish').disabled")).GetBoolean(), "publish is disabled while there are errors");
        Assert.Contains($"{errorLine}:", await ConsoleBrowser.TextAsync(browser, "dialplan-problems"), StringComparison.Ordinal);
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-dialplan-error"));

        // Fixed: key 1 to vaxel (which waits for agents). Valid, the diff shows the change, publish.
        var changed = original.Replace("1: queue:bsu", "1: queue:vaxel", StringComparison.Ordinal).Replace("no_agents: closed", "no_agents: wait", StringComparison.Ordinal);
        await SetEditorAsync(changed);
        await browser.WaitUntilAsync("document.getElementById('dialplan-status').dataset.valid === 'true' && !document.getElementById('dialplan-publish').disabled", Live);
        Assert.Contains("queue:vaxel", await ConsoleBrowser.TextAsync(browser, "dialplan-diff"), StringComparison.Ordinal);

        // A caller reaches the menu on the old version just before the publish (dialled only now: the menu gives up on
        // a silent caller after its retries, and the editing above can take longer than that on a loaded machine).
        await using var early = await BaresipPhone.StartAsync(new BaresipOptions { User = "0705556677" }).DefaultTimeout();
        await early.DialAsync(Harness.IvrUri).DefaultTimeout();
        await early.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await browser.TabToAsync("#dialplan-comment");
        await browser.TypeAsync("e2e: key 1 to vaxel");
        await browser.TabToAsync("#dialplan-publish");
        await browser.PressAsync("Enter");
        var published = first.Version.Sequence + 1;
        await browser.WaitUntilAsync($"document.getElementById('dialplan-version').dataset.sequence === '{published}'", Live);
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // The call in progress keeps the old menu (bsu); a new call follows the new one (vaxel).
        await Harness.PressUntilAsync(early, "1", e => e.Type == AcdEventType.Enqueued && e.Queue == "bsu");
        await using var late = await BaresipPhone.StartAsync(new BaresipOptions { User = "0706667788" }).DefaultTimeout();
        await late.DialAsync(Harness.IvrUri).DefaultTimeout();
        await late.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await Harness.PressUntilAsync(late, "1", e => e.Type == AcdEventType.Enqueued && e.Queue == "vaxel");

        // Roll back to the first version from the history.
        await browser.TabToAsync($"#rollback-{first.Version.Sequence}");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync($"document.getElementById('dialplan-version').dataset.sequence === '{published + 1}'", Live);
        var now = await Harness.Supervisor.GetDialplanAsync(new GetDialplanRequest(), Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(first.Version.Sequence, now.Version.RollbackOf);
        Assert.Equal(original, now.Yaml);
        await early.HangupAsync().DefaultTimeout();
        await late.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Agents_DirectorySkillLevelEdited_SavedInTheDirectory()
    {
        var browser = fixture.Browser;
        await fixture.OpenTabAsync("agents");
        await browser.WaitUntilAsync("!!document.getElementById('skills-anna') && document.getElementById('skills-anna').value === 'bsu=5'", Live);

        await browser.TabToAsync("#skills-anna");
        await browser.EvaluateAsync("document.getElementById('skills-anna').select(); true");
        await browser.TypeAsync("bsu=7");
        await browser.TabToAsync("#save-anna");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('directory-list').dataset.saved === 'anna' && document.getElementById('skills-anna').value === 'bsu=7'", Live);

        var entry = await Harness.Supervisor.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = CallFlowHarness.AgentId }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(7, Assert.Single(entry.Skills).Level);
        Assert.Equal("sara", entry.UpdatedBy);
        await ConsoleBrowser.AssertAccessibleAsync(browser);
        await Harness.UpdateDirectoryAgentAsync(CallFlowHarness.DirectoryEntry(CallFlowHarness.AgentId));
    }

    private async Task SetEditorAsync(string yaml) =>
        await fixture.Browser.EvaluateAsync($"(() => {{ const e = document.getElementById('dialplan-yaml'); e.value = {JsonSerializer.Serialize(yaml)}; e.dispatchEvent(new Event('input')); return true; }})()");

    /// <summary>Polls the node's start page (its line status, from the dialplan in force) until it matches.</summary>
    private async Task WaitForLineAsync(Func<string, bool> condition)
    {
        using var http = new HttpClient();
        await Eventually.UntilAsync(() => http.GetStringAsync(Harness.Server.WebUrl).DefaultTimeout(), condition, "the node's line status matches", Live);
    }

    private static async Task<string> SbctlAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Task.Run(() => SbctlApp.Run(args, output, error)).DefaultTimeout();
        Assert.True(code == 0, $"sbctl {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }

    private static string Prompt(string name) => Path.Combine(RepositoryPaths.Root, "dialplans", "prompts", "sv", name + ".wav");
}
