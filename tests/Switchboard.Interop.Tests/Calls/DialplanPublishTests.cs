using System.Text.RegularExpressions;
using Switchboard.Acd.Events;
using Switchboard.Api.Supervisor.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A dialplan published over the supervisor API reaches the running node without a restart; calls in progress keep their version.</summary>
[Collection(CallFlowCollection.Name)]
public sealed class DialplanPublishTests
{
    [Fact]
    public async Task Publish_WhileCallInMenu_ThatCallKeepsOldVersionAndNextCallUsesNew()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        await using var first = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701111111" }).DefaultTimeout();
        await first.DialAsync(harness.IvrUri).DefaultTimeout();
        await first.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // While the first caller is in the menu, key 1 is moved from bsu to vaxel (which now waits for agents).
        var yaml = (await File.ReadAllTextAsync(CallFlowHarness.FixtureDialplan))
            .Replace("1: queue:bsu", "1: queue:vaxel", StringComparison.Ordinal)
            .Replace("no_agents: closed", "no_agents: wait", StringComparison.Ordinal);
        var published = await harness.Supervisor.PublishDialplanAsync(new PublishDialplanRequest { Yaml = yaml, Comment = "e2e: key 1 to vaxel" }, harness.SupervisorHeaders)
            .ResponseAsync.DefaultTimeout();
        await WaitForDialplanAsync(harness, version: published.Version.ContentHash[..12]).DefaultTimeout();

        await first.SendDtmfAsync("1").DefaultTimeout();
        await using var second = await BaresipPhone.StartAsync(new BaresipOptions { User = "0702222222" }).DefaultTimeout();
        await second.DialAsync(harness.IvrUri).DefaultTimeout();
        await second.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await second.SendDtmfAsync("1").DefaultTimeout();

        var enqueued = await WaitForEnqueuedAsync(harness, 2).DefaultTimeout();
        Assert.Equal(["bsu", "vaxel"], enqueued.Select(e => e.Queue).Order(StringComparer.Ordinal));
        await first.HangupAsync().DefaultTimeout();
        await second.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SetEmergencyMessage_ClosingTheLineLive_NewCallHearsItAndIsNotQueued()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        var request = new SetEmergencyMessageRequest { Enabled = true, Closed = true };
        request.Prompts.Add("emergency");
        await harness.Supervisor.SetEmergencyMessageAsync(request, harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();
        await WaitForDialplanAsync(harness, emergency: "on").DefaultTimeout();

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0703333333" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();

        // The line is closed by the emergency message: it plays, then the server hangs up; nobody is queued.
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(40));
        var all = await harness.Acd.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.DoesNotContain(all, e => e.Type == AcdEventType.Enqueued);
    }

    /// <summary>Waits until the node's /metrics says its new calls get that dialplan version or emergency setting.</summary>
    private static async Task WaitForDialplanAsync(CallFlowHarness harness, string version = "[0-9a-f]+", string emergency = "on|off")
    {
        using var http = new HttpClient();
        var pattern = new Regex($"^switchboard_dialplan{{emergency=\"({emergency})\",version=\"({version})\"}} 1$", RegexOptions.Multiline);
        await Eventually.UntilAsync(async () => pattern.IsMatch(await http.GetStringAsync(new Uri(harness.Server.WebUrl, "/metrics"))),
            $"/metrics says dialplan version {version}, emergency {emergency}");
    }

    private static Task<List<AcdEvent>> WaitForEnqueuedAsync(CallFlowHarness harness, int count) =>
        Eventually.UntilAsync(async () => (await harness.Acd.ReadEventsAsync(null, 1000)).Where(e => e.Type == AcdEventType.Enqueued).ToList(),
            enqueued => enqueued.Count >= count, $"{count} calls enqueued", describe: enqueued => $"{enqueued.Count} enqueued");
}
