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
        await harness.Supervisor.PublishDialplanAsync(new PublishDialplanRequest { Yaml = yaml, Comment = "e2e: key 1 to vaxel" }, harness.SupervisorHeaders)
            .ResponseAsync.DefaultTimeout();
        var followed = WaitForOutputAsync(harness, "live hours");
        Assert.True(await Task.WhenAny(followed, Task.Delay(TestTimeouts.Default)) == followed, "the node did not take the published dialplan: " + harness.Server.StandardOutput);

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
        var applied = WaitForOutputAsync(harness, "emergency message True");
        Assert.True(await Task.WhenAny(applied, Task.Delay(TestTimeouts.Default)) == applied, "the node did not take the emergency message: " + harness.Server.StandardOutput);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0703333333" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();

        // The line is closed by the emergency message: it plays, then the server hangs up; nobody is queued.
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(40));
        var all = await harness.Acd.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.DoesNotContain(all, e => e.Type == AcdEventType.Enqueued);
    }

    private static async Task WaitForOutputAsync(CallFlowHarness harness, string text)
    {
        while (!harness.Server.StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(50);
        }
    }

    private static async Task<IReadOnlyList<AcdEvent>> WaitForEnqueuedAsync(CallFlowHarness harness, int count)
    {
        while (true)
        {
            var all = await harness.Acd.ReadEventsAsync(null, 1000);
            var enqueued = all.Where(e => e.Type == AcdEventType.Enqueued).ToList();
            if (enqueued.Count >= count)
            {
                return enqueued;
            }

            await Task.Delay(100);
        }
    }
}
