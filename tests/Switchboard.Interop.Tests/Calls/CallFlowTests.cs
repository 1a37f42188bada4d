using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// The whole call on loopback with real programs: a baresip caller dials the running server, presses 1, waits in the
/// queue; the agent signs in over gRPC, accepts the offer; the server INVITEs the agent's registered baresip phone and
/// bridges the legs; each side hears the other's tone; BYE ends both legs; wrap-up completes; the ACD stream tells it all.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed class CallFlowTests
{
    [Fact]
    public async Task Call_AgentAcceptsAndCallerHangsUp_BridgedBothWaysThenWrapUpInEventStream()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var status = await harness.SignInAsync();
        Assert.Equal(AgentState.Ready, status.State);
        using var events = harness.OpenEvents(stop.Token);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701234567", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();

        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal("bsu", offer.Queue);
        Assert.Equal("0701234567", offer.CallerNumber);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        // The server dials the agent's registered phone, which answers by itself; then audio flows both ways.
        var ringing = await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        Assert.Equal("incoming", ringing.Direction);
        var agentHeard = await harness.AgentPhone.WaitForHeardAudioAsync(TimeSpan.FromSeconds(2)).DefaultTimeout();
        var callerMark = HeardAudio.CurrentLength(caller);
        await HeardAudio.WaitForMoreAudioAsync(caller, callerMark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();

        var atAgent = HeardAudio.Tail(PcmRecording.Read(agentHeard), TimeSpan.FromSeconds(1));
        Assert.True(atAgent.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"agent hears caller's {CallFlowHarness.CallerTone} Hz share {atAgent.ToneRatio(CallFlowHarness.CallerTone):0.00}");
        var atCaller = HeardAudio.Tail(PcmRecording.Read(caller.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        Assert.True(atCaller.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"caller hears agent's {CallFlowHarness.AgentTone} Hz share {atCaller.ToneRatio(CallFlowHarness.AgentTone):0.00}");

        // The caller hangs up: both legs end, the agent goes to wrap-up and completes it with an outcome.
        await caller.HangupAsync().DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        var done = await harness.Agent.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = CallFlowHarness.AgentId, Outcome = Outcome.Resolved, Note = "e2e" },
            harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal(AgentState.Ready, done.Status.State);

        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.WrapUpEnded, TimeSpan.FromSeconds(5)).DefaultTimeout();
        AssertInOrder(story, harness, AcdEventType.Enqueued, AcdEventType.Offered, AcdEventType.Accepted, AcdEventType.Answered, AcdEventType.Ended, AcdEventType.WrapUpEnded);
        var wrapUp = story.Last(e => e.Type == AcdEventType.WrapUpEnded);
        Assert.Contains(wrapUp.Fields.Values, v => v.Contains("resolved", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Call_CallerHangsUpWhileWaiting_AbandonedAndPlaceRemoved()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0709999999" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();

        var enqueued = await WaitForEnqueuedAsync(harness).DefaultTimeout();
        Assert.NotNull(await harness.Acd.GetEntryAsync(enqueued).DefaultTimeout());

        await caller.HangupAsync().DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(enqueued, AcdEventType.Abandoned, TimeSpan.FromSeconds(10)).DefaultTimeout();
        AssertInOrder(story, harness, AcdEventType.Enqueued, AcdEventType.Abandoned);
        Assert.Null(await harness.Acd.GetEntryAsync(enqueued).DefaultTimeout());
    }

    [Fact]
    public async Task Call_AgentPhoneDoesNotAnswer_OfferRejectedAndCallerReofferedKeepingPlace()
    {
        await using var harness = await CallFlowHarness.StartAsync(agentAutoAnswer: false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0708888888" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();

        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        var entry = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();
        Assert.NotNull(entry);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        // The phone rings but nobody picks up within the queue's 6 s offer timeout: the server cancels and rejects.
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallIncoming).DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.Rejected, TimeSpan.FromSeconds(15)).DefaultTimeout();
        AssertInOrder(story, harness, AcdEventType.Enqueued, AcdEventType.Offered, AcdEventType.Accepted, AcdEventType.Rejected);
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();

        // The caller is still waiting with the same place, and is offered again (the agent is ready again after one miss).
        var after = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();
        Assert.NotNull(after);
        Assert.Equal(entry!.EnqueuedAt, after!.EnqueuedAt);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);
        var again = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal(offer.CallId, again.CallId);
        await caller.HangupAsync().DefaultTimeout();
    }

    private static async Task<string> WaitForEnqueuedAsync(CallFlowHarness harness) =>
        (await harness.WaitForAcdEventAsync(e => e.Type == AcdEventType.Enqueued && e.CallId is not null, TestTimeouts.Default)).CallId!;

    private static void AssertInOrder(IReadOnlyList<AcdEvent> story, CallFlowHarness harness, params AcdEventType[] expected)
    {
        var index = 0;
        foreach (var e in story)
        {
            if (index < expected.Length && e.Type == expected[index])
            {
                index++;
            }
        }

        Assert.True(index == expected.Length, $"expected {string.Join(" < ", expected)} in the ACD stream; got {harness.Describe(story)}");
    }
}
