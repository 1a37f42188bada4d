using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// The caller side of callbacks (issue 8) end to end with baresip callers: the no_agents callback dialogue, a callback
/// requested by DTMF keeping the place ahead of a later live caller, and a caller who hangs up and calls again within
/// the resume window getting the old place back.
/// </summary>
[Collection(TransferCollection.Name)]
public sealed class CallbackCallerTests
{
    [Fact]
    public async Task NoAgentsCallback_CallerConfirmsReadBackNumber_CallbackRequestedAndCallEnds()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230005" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("2").DefaultTimeout();

        // Nobody is signed in to bbmt and its no_agents is callback: the IVR reads the number back and asks to confirm.
        var requested = await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.CallbackRequested);
        Assert.Equal("bbmt", requested.Queue);
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(30));
        var entry = await harness.Acd.GetEntryAsync(requested.CallId!).DefaultTimeout();
        Assert.NotNull(entry);
        Assert.Equal(QueueEntryKind.Callback, entry.Kind);
        Assert.Equal("+46701230005", entry.CallbackNumber);
    }

    [Fact]
    public async Task Callback_RequestedByDtmfWhileWaiting_OfferedBeforeALiveCallerWhoArrivedLater()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, agentAutoAnswer: false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);

        await using var first = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230006" }).DefaultTimeout();
        await first.DialAsync(harness.IvrUri).DefaultTimeout();
        await first.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await first.SendDtmfAsync("1").DefaultTimeout();
        var firstCall = (await WaitForEventAsync(harness, AcdEventType.Enqueued, TimeSpan.FromSeconds(20))).CallId!;
        var place = (await harness.Acd.GetEntryAsync(firstCall).DefaultTimeout())!.EnqueuedAt;

        // bsu offers the callback after 2 s (key 1); 1 again confirms the read-back number. Keep pressing until it is recorded.
        var requested = await harness.PressUntilAsync(first, "1", e => e.Type == AcdEventType.CallbackRequested);
        Assert.Equal($"cb-{firstCall}.1", requested.CallId); // the call's first filing is one operation: a retry books nothing twice
        await first.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(30));
        var callback = await harness.Acd.GetEntryAsync(requested.CallId!).DefaultTimeout();
        Assert.Equal(place, callback!.EnqueuedAt);
        Assert.Null(await harness.Acd.GetEntryAsync(firstCall).DefaultTimeout());

        // A live caller arrives later and waits.
        await using var later = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230007" }).DefaultTimeout();
        await later.DialAsync(harness.IvrUri).DefaultTimeout();
        await later.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await later.SendDtmfAsync("1").DefaultTimeout();
        var laterCall = await WaitForEnqueuedOtherThanAsync(harness, [firstCall, requested.CallId!]);
        Assert.True((await harness.Acd.GetEntryAsync(laterCall).DefaultTimeout())!.EnqueuedAt > place);

        // The agent gets ready: the callback (original place) is offered first.
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal(requested.CallId, offer.CallId);
        Assert.Equal(OfferKind.Callback, offer.Kind);
        Assert.Equal("+46701230006", offer.CallerNumber);

        // Accepting it hands the callback to the CallbackWorker on this node (not "call not on this node": no reject).
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var worked = await WaitForEventAsync(harness, e => e.CallId == offer.CallId && e.Type is AcdEventType.CallbackDialling or AcdEventType.CallbackCompleted
            or AcdEventType.CallbackAttemptFailed or AcdEventType.CallbackRequeued or AcdEventType.CallbackUnreachable, TimeSpan.FromSeconds(30));
        Assert.NotNull(worked);
        Assert.DoesNotContain(await harness.CallEventsAsync(offer.CallId).DefaultTimeout(), e => e.Type == AcdEventType.Rejected && e.AgentId == CallFlowHarness.AgentId && e.At < worked.At);
        await later.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task NoAgentsCallback_PremiumRateNumberRefused_CallerToldAndAskedForAnotherNumber()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0900123456", Record = true }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await HeardAudio.WaitForMoreAudioAsync(caller, 0, TimeSpan.FromSeconds(0.5)).DefaultTimeout(); // the IVR's media runs: a key is taken, not dropped
        await caller.SendDtmfAsync("2").DefaultTimeout();

        // The store refuses the premium-rate number: no silent success, no "thank you" and hang-up.
        var refused = await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.CallbackRefused);
        Assert.Equal("bbmt", refused.Queue);

        // Asked for another number (the dialogue itself: Dialplan.Tests IvrSessionCallbackRefusedTests), not hung up.
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);
        Assert.DoesNotContain(await harness.Acd.ReadEventsAsync(null, 1000).DefaultTimeout(), e => e.Type == AcdEventType.CallbackRequested);
        await caller.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Abandon_CallerCallsAgainWithinTheWindow_GetsTheOldPlaceBack()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230008" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("0").DefaultTimeout();
        var firstCall = (await WaitForEventAsync(harness, AcdEventType.Enqueued, TimeSpan.FromSeconds(20))).CallId!;
        var place = (await harness.Acd.GetEntryAsync(firstCall).DefaultTimeout())!.EnqueuedAt;

        // Someone else queues behind them; then they hang up (abandoned) and call again.
        await using var other = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230009" }).DefaultTimeout();
        await other.DialAsync(harness.IvrUri).DefaultTimeout();
        await other.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await other.SendDtmfAsync("0").DefaultTimeout();
        var otherCall = await WaitForEnqueuedOtherThanAsync(harness, [firstCall]);
        await caller.HangupAsync().DefaultTimeout();
        await harness.WaitForCallEventAsync(firstCall, AcdEventType.Abandoned, TimeSpan.FromSeconds(10)).DefaultTimeout();

        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("0").DefaultTimeout();
        var again = await WaitForEnqueuedOtherThanAsync(harness, [firstCall, otherCall]);

        var entry = await harness.Acd.GetEntryAsync(again).DefaultTimeout();
        Assert.Equal(place, entry!.EnqueuedAt);
        Assert.Equal(1, (await harness.Acd.GetPositionAsync(again).DefaultTimeout())!.Position);
        Assert.Equal(2, (await harness.Acd.GetPositionAsync(otherCall).DefaultTimeout())!.Position);
        await caller.HangupAsync().DefaultTimeout();
        await other.HangupAsync().DefaultTimeout();
    }

    private static Task<AcdEvent> WaitForEventAsync(CallFlowHarness harness, AcdEventType type, TimeSpan timeout) =>
        harness.WaitForAcdEventAsync(e => e.Type == type, timeout);

    private static Task<AcdEvent> WaitForEventAsync(CallFlowHarness harness, Func<AcdEvent, bool> match, TimeSpan timeout) =>
        harness.WaitForAcdEventAsync(match, timeout);

    private static async Task<string> WaitForEnqueuedOtherThanAsync(CallFlowHarness harness, IReadOnlyCollection<string> known) =>
        (await harness.WaitForAcdEventAsync(e => e.Type == AcdEventType.Enqueued && e.CallId is not null && !known.Contains(e.CallId), TimeSpan.FromSeconds(20))).CallId!;
}
