using System.Text.Json;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// The supervisor's tools beside the changes: the dialplan dry run (on the dialplan in force and on the editor's
/// draft), the audit trail (filtered, paged), and the opening hours saved from the calendar keeping the day before a
/// holiday.
/// </summary>
public sealed partial class SupervisorConsoleBrowserTests
{
    [Fact]
    public async Task Dialplan_DryRunLiveAndDraft_ShowsTheStepsAndWhereTheCallEnds()
    {
        var browser = fixture.Browser;
        await fixture.OpenTabAsync("dialplan");
        await browser.WaitUntilAsync("!!document.getElementById('dialplan-status').dataset.valid", Live);
        var before = (await browser.EvaluateAsync("document.getElementById('dialplan-yaml').value")).GetString() ?? string.Empty;

        // The dialplan in force: key 1 goes to bsu.
        await browser.EvaluateAsync("document.getElementById('dryrun-at').value = '2027-03-23T10:00'; true");
        await TypeIntoAsync("#dryrun-digits", "1");
        await browser.TabToAsync("#dryrun-run");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('dryrun-summary').dataset.queue === 'bsu'", Live);
        var steps = await ConsoleBrowser.TextAsync(browser, "dryrun-steps");
        Assert.Contains("key 1", steps, StringComparison.Ordinal);
        Assert.Contains("play greeting", steps, StringComparison.Ordinal);
        Assert.Contains("enqueue bsu", steps, StringComparison.Ordinal);
        Assert.Equal("true", (await browser.EvaluateAsync("document.getElementById('dryrun-summary').dataset.open")).GetString());

        // The editor's draft (not published): key 1 goes to vaxel there, and nothing was published.
        var published = await Harness.Supervisor.GetDialplanAsync(new GetDialplanRequest(), Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        var draft = (await File.ReadAllTextAsync(CallFlowHarness.FixtureDialplan)).Replace("1: queue:bsu", "1: queue:vaxel", StringComparison.Ordinal);
        await SetEditorAsync(draft);
        await browser.EvaluateAsync("document.getElementById('dryrun-source').value = 'draft'; true");
        await browser.TabToAsync("#dryrun-run");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('dryrun-summary').dataset.queue === 'vaxel'", Live);
        Assert.Contains("enqueue vaxel", await ConsoleBrowser.TextAsync(browser, "dryrun-steps"), StringComparison.Ordinal);
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-dryrun"));
        await ConsoleBrowser.AssertAccessibleAsync(browser);
        var after = await Harness.Supervisor.GetDialplanAsync(new GetDialplanRequest(), Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(published.History.Count, after.History.Count);

        // Bad keys: the server's error is shown, no steps.
        await browser.EvaluateAsync("document.getElementById('dryrun-digits').value = '1x'; document.getElementById('dryrun-digits').removeAttribute('pattern'); true");
        await browser.TabToAsync("#dryrun-run");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('error').textContent.includes('digits') && document.getElementById('dryrun-steps').children.length === 0", Live);

        await browser.EvaluateAsync("document.getElementById('dryrun-source').value = 'live'; document.getElementById('dryrun-digits').value = ''; true");
        await SetEditorAsync(before);
    }

    [Fact]
    public async Task Audit_ChangesListedNewestFirstFilteredAndPaged()
    {
        var browser = fixture.Browser;
        var headers = Harness.SupervisorHeaders;
        // 26 audited reads (callback.list), then two changes: more than one page of 25.
        for (var i = 0; i < 26; i++)
        {
            await Harness.Supervisor.ListCallbacksAsync(new ListCallbacksRequest(), headers).ResponseAsync.DefaultTimeout();
        }

        await Harness.Supervisor.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, headers).ResponseAsync.DefaultTimeout();
        await Harness.Supervisor.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = false }, headers).ResponseAsync.DefaultTimeout();
        var total = 0;
        var token = string.Empty;
        do
        {
            var page = await Harness.Supervisor.ListAuditEntriesAsync(new ListAuditEntriesRequest { Limit = 200, PageToken = token }, headers).ResponseAsync.DefaultTimeout();
            total += page.Entries.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        await fixture.OpenTabAsync("audit");
        await browser.EvaluateAsync("(() => { const f = document.getElementById('audit-filter'); f.value = ''; f.dispatchEvent(new Event('change')); return true; })()");
        await browser.WaitUntilAsync("document.getElementById('audit-list').dataset.count === '25' && document.querySelector('#audit-list tr').dataset.action === 'emergency.set'", Live);
        Assert.Equal("hours.clear", (await browser.EvaluateAsync("document.querySelectorAll('#audit-list tr')[1].dataset.action")).GetString());
        Assert.Contains("sara", await ConsoleBrowser.TextAsync(browser, "audit-list"), StringComparison.Ordinal);
        await ConsoleBrowser.AssertAccessibleAsync(browser);

        // Older: the next page is appended until there is none.
        while (!(await browser.EvaluateAsync("document.getElementById('audit-more').disabled")).GetBoolean())
        {
            var shown = (await browser.EvaluateAsync("document.querySelectorAll('#audit-list tr').length")).GetInt32();
            await browser.TabToAsync("#audit-more");
            await browser.PressAsync("Enter");
            await browser.WaitUntilAsync($"document.querySelectorAll('#audit-list tr').length > {shown}", Live);
        }

        Assert.Equal(total, (await browser.EvaluateAsync("document.querySelectorAll('#audit-list tr').length")).GetInt32());

        // Only the crisis message's changes.
        await browser.EvaluateAsync("(() => { const f = document.getElementById('audit-filter'); f.value = 'emergency'; f.dispatchEvent(new Event('change')); return true; })()");
        await browser.WaitUntilAsync("[...document.querySelectorAll('#audit-list tr')].every(r => r.dataset.action === 'emergency.set') && document.querySelectorAll('#audit-list tr').length >= 1", Live);
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-audit"));

        // The crisis tab shows the same latest entry.
        await fixture.OpenTabAsync("crisis");
        await browser.WaitUntilAsync("(document.querySelector('#crisis-history li')?.textContent ?? '').startsWith('sara, ')", Live);
        Assert.Contains("enabled=False", await ConsoleBrowser.TextAsync(browser, "crisis-history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_SavedFromTheCalendar_DayBeforeHolidayHoursKept()
    {
        // A dialplan with Swedish holidays and shorter hours the day before one: skärtorsdagen 2027 (25 March) 08:00-15:00.
        var browser = fixture.Browser;
        var original = await File.ReadAllTextAsync(CallFlowHarness.FixtureDialplan);
        var holidays = original.Replace("    mon-sun: 00:00-24:00\n", "    mon-sun: 00:00-24:00\n  holidays: sweden\n  day_before_holiday: 08:00-15:00\n", StringComparison.Ordinal);
        Assert.NotEqual(original, holidays);
        await Harness.Supervisor.PublishDialplanAsync(new PublishDialplanRequest { Yaml = holidays, Comment = "e2e: day before holiday" }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        var probe = new GetOpeningCalendarRequest { From = "2027-03-25", Days = 1 };
        await WaitForCalendarReasonAsync(probe, "day-before-holiday");

        await fixture.OpenTabAsync("hours");
        await browser.EvaluateAsync("(() => { const f = document.getElementById('hours-from'); f.value = '2027-03-22'; f.dispatchEvent(new Event('change')); return true; })()");
        var cell = "document.querySelector('#calendar td[data-date=\"2027-03-25\"]')";
        await browser.WaitUntilAsync($"!!{cell} && {cell}.dataset.reason === 'day-before-holiday' && {cell}.dataset.open === '08:00-15:00'", Live);

        // Save from the page with one more exception: the live hours keep the day before the holiday.
        await browser.EvaluateAsync($"document.getElementById('exc-date').value = {JsonSerializer.Serialize("2027-03-30")}; true");
        await browser.TabToAsync("#exc-add");
        await browser.PressAsync("Enter");
        // The page is not reloaded between tests: forget an earlier test's "saved" before this save, so the wait below
        // sees this save's answer, not the last one's.
        await browser.EvaluateAsync("(() => { delete document.getElementById('hours-result').dataset.saved; delete document.getElementById('calendar').dataset.source; return true; })()");
        await browser.TabToAsync("#hours-save");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync($"document.getElementById('hours-result').dataset.saved === 'true' && document.getElementById('calendar').dataset.source === 'live' && {cell}.dataset.reason === 'day-before-holiday' && {cell}.dataset.open === '08:00-15:00'", Live);
        var hours = await Harness.Supervisor.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal("live", hours.Source);
        Assert.Equal(["08:00-15:00"], hours.DayBeforeHoliday);
        var calendar = await Harness.Supervisor.GetOpeningCalendarAsync(probe, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal("day-before-holiday", calendar.Days[0].Reason);
        Assert.Equal(["08:00-15:00"], calendar.Days[0].Open);

        await Harness.Supervisor.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        await Harness.Supervisor.PublishDialplanAsync(new PublishDialplanRequest { Yaml = original, Comment = "e2e: back" }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        await browser.EvaluateAsync("(() => { const f = document.getElementById('hours-from'); f.value = ''; return true; })()");
    }

    [Fact]
    public async Task Agents_DirectoryAgentCreatedThenQueuesAndPhoneChanged_InTheDirectory()
    {
        var browser = fixture.Browser;
        await fixture.OpenTabAsync("agents");
        await browser.WaitUntilAsync("!!document.getElementById('dir-queue-bsu') && !!document.querySelector('#directory-list tr')", Live);

        // A new agent with the keyboard: id, name, phone account and password, queue bsu, languages, a skill.
        await browser.TabToAsync("#dir-new");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.activeElement.id === 'dir-id'", Live);
        await browser.TypeAsync("cecilia");
        await TypeIntoAsync("#dir-name", "Cecilia Ek");
        await TypeIntoAsync("#dir-phone", "cecilia");
        await TypeIntoAsync("#dir-password", "cecilia-phone-pw");
        await browser.TabToAsync("#dir-queue-bsu");
        await browser.PressAsync("Space");
        await TypeIntoAsync("#dir-skills", "bsu=4");
        await browser.TabToAsync("#dir-save");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('directory-list').dataset.saved === 'cecilia' && !!document.querySelector('#directory-list tr[data-agent=cecilia]')", Live);
        var created = await Harness.Supervisor.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "cecilia" }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(("Cecilia Ek", "cecilia", true, true), (created.DisplayName, created.PhoneUser, created.PhonePasswordSet, created.Enabled));
        Assert.Equal(["bsu"], created.Queues);
        Assert.Equal(["sv"], created.Languages);
        Assert.Equal(4, Assert.Single(created.Skills).Level);
        Assert.Equal("sara", created.UpdatedBy);

        // Edit: a second queue and a new phone account (which needs a new password: first refused without one).
        await browser.TabToAsync("#edit-cecilia");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.activeElement.id === 'dir-name' && document.getElementById('dir-id').readOnly", Live);
        await browser.TabToAsync("#dir-queue-vaxel");
        await browser.PressAsync("Space");
        await browser.TabToAsync("#dir-phone");
        await browser.EvaluateAsync("document.getElementById('dir-phone').select(); true");
        await browser.TypeAsync("cecilia-2");
        await browser.TabToAsync("#dir-save");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("document.getElementById('error').textContent.includes('phone_password')", Live);
        await TypeIntoAsync("#dir-password", "cecilia-new-pw");
        await browser.TabToAsync("#dir-save");
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync("(document.querySelector('#directory-list tr[data-agent=cecilia]')?.textContent ?? '').includes('cecilia-2')", Live);
        var changed = await Harness.Supervisor.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "cecilia" }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal("cecilia-2", changed.PhoneUser);
        Assert.Equal(["bsu", "vaxel"], changed.Queues.Order());
        Assert.Equal(created.Version + 1, changed.Version);
        output.WriteLine("screenshot: " + await ConsoleBrowser.ScreenshotAsync(browser, "console-supervisor-agents"));
        await ConsoleBrowser.AssertAccessibleAsync(browser);
        var audit = await Harness.Supervisor.ListAuditEntriesAsync(new ListAuditEntriesRequest { ActionPrefix = "agent.", Limit = 2 }, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(["agent.update", "agent.create"], audit.Entries.Select(e => e.Action));
    }

    /// <summary>Moves to <paramref name="selector"/> with the Tab key and types <paramref name="text"/> there.</summary>
    private async Task TypeIntoAsync(string selector, string text)
    {
        await fixture.Browser.TabToAsync(selector);
        await fixture.Browser.TypeAsync(text);
    }

    /// <summary>Polls the node's calendar (the dialplan it follows) until the probed day has <paramref name="reason"/>.</summary>
    private Task WaitForCalendarReasonAsync(GetOpeningCalendarRequest probe, string reason) =>
        Eventually.UntilAsync(async () => (await Harness.Supervisor.GetOpeningCalendarAsync(probe, Harness.SupervisorHeaders).ResponseAsync.DefaultTimeout()).Days[0].Reason,
            seen => seen == reason, $"the calendar of {probe.From} says {reason}", Live);
}
