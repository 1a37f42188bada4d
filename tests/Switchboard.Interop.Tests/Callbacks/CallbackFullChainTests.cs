using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Callbacks;

/// <summary>
/// The whole story of issue 8 with real peers on loopback: a baresip caller waits in bsu, asks for a callback by DTMF
/// (keeping their place) and hangs up; a live caller arrives later; the agent gets the callback first, accepts, the
/// server rings the agent's phone and dials the caller's number through the trunk, where SIPp answers; the legs are
/// bridged; after the callback the later live caller is answered.
/// </summary>
[Collection(TransferCollection.Name)]
public sealed class CallbackFullChainTests
{
    [Fact]
    public async Task DtmfCallback_KeepsPlace_OfferedBeforeLaterCaller_DialledThroughTrunkAndBridged_ThenLaterCallerAnswered()
    {
        const string number = "+46701230016";
        await using var citizen = SippRunner.Start(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(AnsweringCitizenFor(number), "citizen-chain"),
            Calls = 1,
            RtpEcho = true,
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Timeout = TimeSpan.FromSeconds(150),
        });
        await citizen.WaitUntilListeningAsync().DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, settings: CallbackDiallingTests.Trunk(citizen.LocalPort));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);

        // The first caller waits in bsu, takes the callback offer (1) and confirms the read-back number (1).
        await using var first = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230016" }).DefaultTimeout();
        await first.DialAsync(harness.IvrUri).DefaultTimeout();
        await first.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await first.SendDtmfAsync("1").DefaultTimeout();
        var firstCall = (await WaitForEventAsync(harness, e => e.Type == AcdEventType.Enqueued, TimeSpan.FromSeconds(20))).CallId!;
        var place = (await harness.Acd.GetEntryAsync(firstCall).DefaultTimeout())!.EnqueuedAt;
        var requested = await harness.PressUntilAsync(first, "1", e => e.Type == AcdEventType.CallbackRequested);
        var callbackId = requested.CallId!;
        await first.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(place, (await harness.Acd.GetEntryAsync(callbackId).DefaultTimeout())!.EnqueuedAt);

        // A live caller arrives later.
        await using var later = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230017" }).DefaultTimeout();
        await later.DialAsync(harness.IvrUri).DefaultTimeout();
        await later.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await later.SendDtmfAsync("1").DefaultTimeout();
        var laterCall = (await WaitForEventAsync(harness, e => e.Type == AcdEventType.Enqueued && e.CallId != firstCall && e.CallId != callbackId, TimeSpan.FromSeconds(20))).CallId!;

        // The callback is offered first and dialled through the trunk: SIPp (checking R-URI, From, PAI) answers.
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal((callbackId, OfferKind.Callback, number), (offer.CallId, offer.Kind, offer.CallerNumber));
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = callbackId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var completed = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.CallbackCompleted, stop.Token).WaitAsync(TimeSpan.FromSeconds(40))).CallbackCompleted;
        Assert.Equal(Api.Agent.V1.CallbackOutcome.Answered, completed.Callback.Outcome);
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // The agent hangs up; SIPp gets BYE; after wrap-up the later live caller is offered and answered.
        await harness.AgentPhone.HangupAsync().DefaultTimeout();
        var sipp = await citizen.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        await harness.Agent.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = CallFlowHarness.AgentId, Outcome = Outcome.Resolved }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var next = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal((laterCall, OfferKind.Call), (next.CallId, next.Kind));
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = laterCall }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.CallConnected, stop.Token).DefaultTimeout();
        await later.HangupAsync().DefaultTimeout();
    }

    private static string AnsweringCitizenFor(string number) =>
        CallbackDiallingTests.AnsweringCitizen.Replace(@"\+46701234567", System.Text.RegularExpressions.Regex.Escape(number), StringComparison.Ordinal);

    private static Task<AcdEvent> WaitForEventAsync(CallFlowHarness harness, Func<AcdEvent, bool> match, TimeSpan timeout) =>
        harness.WaitForAcdEventAsync(match, timeout);
}
