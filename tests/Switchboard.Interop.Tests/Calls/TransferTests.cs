using System.Net;
using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// Transfers end to end with real programs: a baresip caller, agents on baresip phones signed in over gRPC, and a SIPp
/// "handläggare" behind a loopback trunk address. Every transfer ends in a TransferResult on the agent's stream and
/// transfer events in the ACD stream.
/// </summary>
[Collection(TransferCollection.Name)]
public sealed class TransferTests
{
    private const string Number = "+46812345678";

    private static readonly string BusyScenario = SippScenarios.Rejecting("486 Busy Here", "busy handlaggare");

    [Fact]
    public async Task Transfer_ToAnotherQueue_SecondAgentGetsTheCallerAheadOfALaterCaller()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await harness.SignInAsync();
        await harness.SignInSecondAgentAsync("vaxel", ready: false);
        await using var boPhone = await harness.StartSecondAgentPhoneAsync();
        using var annaEvents = harness.OpenEvents(stop.Token);
        using var boEvents = harness.OpenSecondAgentEvents(stop.Token);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230001" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, annaEvents, stop.Token);
        var before = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();

        // A later caller waits in vaxel, where bo is paused.
        await using var later = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230002" }).DefaultTimeout();
        await later.DialAsync(harness.IvrUri).DefaultTimeout();
        await later.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await later.SendDtmfAsync("0").DefaultTimeout();
        await harness.WaitForAcdEventAsync(e => e.Type == AcdEventType.Enqueued && e.Queue == "vaxel", TimeSpan.FromSeconds(20));

        await harness.Agent.TransferAsync(new TransferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId, Queue = "vaxel" }, harness.AgentHeaders)
            .ResponseAsync.DefaultTimeout();

        var seen = await CallFlowHarness.ReadUntilAllAsync(annaEvents, stop.Token, AgentEvent.EventOneofCase.TransferResult, AgentEvent.EventOneofCase.WrapUpStarted).DefaultTimeout();
        var result = seen[AgentEvent.EventOneofCase.TransferResult].TransferResult;
        Assert.Equal(offer.CallId, result.CallId);
        Assert.True(result.Answered, result.Result);
        Assert.Equal(offer.CallId, seen[AgentEvent.EventOneofCase.WrapUpStarted].WrapUpStarted.CallId);
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        var moved = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();
        Assert.Equal("vaxel", moved!.Queue);
        Assert.Equal(before!.EnqueuedAt, moved.EnqueuedAt);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);

        // Bo gets ready: the transferred caller (original place) comes before the caller who arrived later.
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.SecondAgentId, State = AgentState.Ready }, harness.SecondAgentHeaders)
            .ResponseAsync.DefaultTimeout();
        var boOffer = (await CallFlowHarness.NextAsync(boEvents.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal(offer.CallId, boOffer.CallId);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.SecondAgentId, CallId = boOffer.CallId }, harness.SecondAgentHeaders)
            .ResponseAsync.DefaultTimeout();
        await boPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await CallFlowHarness.NextAsync(boEvents.ResponseStream, AgentEvent.EventOneofCase.CallConnected, stop.Token).DefaultTimeout();

        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.Answered, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var transferred = Assert.Single(story, e => e.Type == AcdEventType.TransferredToQueue);
        Assert.Equal("vaxel", transferred.Queue);
        Assert.Equal("bsu", transferred.Fields["from_queue"]);
        Assert.Equal(CallFlowHarness.AgentId, transferred.AgentId);
        Assert.Equal(2, story.Count(e => e.Type == AcdEventType.Answered));
        await caller.HangupAsync().DefaultTimeout();
        await later.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Transfer_ToExternalNumberAnswered_CallerBridgedToTargetAgentLeavesToWrapUp()
    {
        await using var handlaggare = await CallFlowHarness.StartHandlaggareAsync(TimeSpan.FromSeconds(90));
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, settings: Trunk(handlaggare.LocalPort));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230003", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        await harness.Agent.TransferAsync(new TransferRequest
        {
            AgentId = CallFlowHarness.AgentId,
            CallId = offer.CallId,
            ExternalNumber = Number,
            RingTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(15)),
        }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        var seen = await CallFlowHarness.ReadUntilAllAsync(events, stop.Token, AgentEvent.EventOneofCase.TransferResult, AgentEvent.EventOneofCase.WrapUpStarted).DefaultTimeout();
        var result = seen[AgentEvent.EventOneofCase.TransferResult].TransferResult;
        Assert.True(result.Answered, result.Result);
        Assert.Equal("answered", result.Result);
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();

        // Audio flows caller -> server -> handläggare -> server -> caller: the caller hears their own tone echoed.
        var mark = HeardAudio.CurrentLength(caller);
        await HeardAudio.WaitForMoreAudioAsync(caller, mark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        var heard = HeardAudio.Tail(PcmRecording.Read(caller.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        Assert.True(heard.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"caller hears the echoed {CallFlowHarness.CallerTone} Hz share {heard.ToneRatio(CallFlowHarness.CallerTone):0.00}");

        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.Ended, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var started = Assert.Single(story, e => e.Type == AcdEventType.TransferStarted);
        Assert.Equal(Number, started.Fields["target"]);
        Assert.Single(story, e => e.Type == AcdEventType.TransferAnswered);
        Assert.True(story.ToList().FindIndex(e => e.Type == AcdEventType.TransferAnswered) < story.ToList().FindIndex(e => e.Type == AcdEventType.Ended));

        // The caller hangs up: the server ends the handläggare's leg too (SIPp's uas gets its BYE and finishes).
        await caller.HangupAsync().DefaultTimeout();
        var sipp = await handlaggare.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Transfer_ToExternalNumberBusy_CallerBackWithAgentOrInQueueAsAsked(bool returnToQueue)
    {
        await using var handlaggare = SippRunner.Start(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(BusyScenario, "busy"),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(90),
        });
        await handlaggare.WaitUntilListeningAsync().DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, settings: Trunk(handlaggare.LocalPort));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230004", SineFrequency = CallFlowHarness.CallerTone }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        var before = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();

        await harness.Agent.TransferAsync(new TransferRequest
        {
            AgentId = CallFlowHarness.AgentId,
            CallId = offer.CallId,
            ExternalNumber = Number,
            OnNoAnswerReturnToQueue = returnToQueue,
        }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        var seen = returnToQueue
            ? await CallFlowHarness.ReadUntilAllAsync(events, stop.Token, AgentEvent.EventOneofCase.TransferResult, AgentEvent.EventOneofCase.WrapUpStarted).DefaultTimeout()
            : await CallFlowHarness.ReadUntilAllAsync(events, stop.Token, AgentEvent.EventOneofCase.TransferResult).DefaultTimeout();
        var result = seen[AgentEvent.EventOneofCase.TransferResult].TransferResult;
        Assert.False(result.Answered);
        Assert.Equal(returnToQueue ? "not_answered_returned_to_queue" : "not_answered_returned_to_agent", result.Result);
        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.TransferNotAnswered, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var notAnswered = Assert.Single(story, e => e.Type == AcdEventType.TransferNotAnswered);
        Assert.Equal(returnToQueue ? "queue" : "agent", notAnswered.Fields["returned_to"]);
        Assert.Equal(Number, notAnswered.Fields["target"]);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);

        if (returnToQueue)
        {
            // The agent leg ends, the agent wraps up, the caller waits in bsu at the original place.
            await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
            var back = await harness.Acd.GetEntryAsync(offer.CallId).DefaultTimeout();
            Assert.Equal("bsu", back!.Queue);
            Assert.Equal(Acd.Queues.QueueEntryState.Waiting, back.State);
            Assert.Equal(before!.EnqueuedAt, back.EnqueuedAt);
        }
        else
        {
            // Caller and agent are bridged again: the agent hears the caller's tone.
            var agentHeard = await harness.AgentPhone.WaitForHeardAudioAsync(TimeSpan.FromSeconds(1)).DefaultTimeout();
            var mark = new FileInfo(agentHeard).Length;
            await WaitForFileAsync(agentHeard, mark + (long)(1.5 * 8000 * 2)).DefaultTimeout();
            var atAgent = HeardAudio.Tail(PcmRecording.Read(agentHeard), TimeSpan.FromSeconds(1));
            Assert.True(atAgent.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"agent hears the caller again: {CallFlowHarness.CallerTone} Hz share {atAgent.ToneRatio(CallFlowHarness.CallerTone):0.00}");
            Assert.Equal(Acd.Agents.AgentState.OnCall, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
        }

        await caller.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Transfer_ToAllowedSipUriNotAnsweredInTime_CancelledAndCallerBackWithAgent()
    {
        // The handläggare's own phone (a SIP URI on an allowed domain), ringing without anyone answering.
        await using var eva = await BaresipPhone.StartAsync(new BaresipOptions { User = "eva" }).DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan,
            settings: new Dictionary<string, string?> { ["Transfer:AllowedSipDomains:0"] = "127.0.0.1" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230010" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        await harness.Agent.TransferAsync(new TransferRequest
        {
            AgentId = CallFlowHarness.AgentId,
            CallId = offer.CallId,
            ExternalNumber = eva.Uri,
            RingTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(4)),
        }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        await eva.WaitForEventAsync(BaresipEventType.CallIncoming).DefaultTimeout();
        var seen = await CallFlowHarness.ReadUntilAllAsync(events, stop.Token, AgentEvent.EventOneofCase.TransferResult).DefaultTimeout();
        Assert.Equal("not_answered_returned_to_agent", seen[AgentEvent.EventOneofCase.TransferResult].TransferResult.Result);
        await eva.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.TransferNotAnswered, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var notAnswered = Assert.Single(story, e => e.Type == AcdEventType.TransferNotAnswered);
        Assert.Equal("agent", notAnswered.Fields["returned_to"]);
        Assert.Equal(eva.Uri, notAnswered.Fields["target"]);
        Assert.Single(story, e => e.Type == AcdEventType.TransferStarted);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);
        Assert.Equal(Acd.Agents.AgentState.OnCall, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
        await caller.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Transfer_ToPremiumRateNumber_RefusedNothingDialledCallerStaysWithAgent()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan, settings: Trunk(LoopbackPorts.FreeUdpAndTcp()));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230011" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        // The one dialling policy refuses the target when it is requested; the node never sees a command.
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => harness.Agent.TransferAsync(
            new TransferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId, ExternalNumber = "0900123456" }, harness.AgentHeaders)
            .ResponseAsync.DefaultTimeout());

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("PremiumRate", error.Status.Detail, StringComparison.Ordinal);
        var story = await harness.CallEventsAsync(offer.CallId).DefaultTimeout();
        Assert.DoesNotContain(story, e => e.Type is AcdEventType.TransferStarted or AcdEventType.TransferNotAnswered);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);
        Assert.Equal(BaresipEventType.CallEstablished, harness.AgentPhone.CallState);
        await caller.HangupAsync().DefaultTimeout();
    }

    private static Dictionary<string, string?> Trunk(int port) => new()
    {
        ["Trunk:Uri"] = $"sip:127.0.0.1:{port}",
        ["Trunk:CallerId"] = "+4631123456",
    };

    private static Task WaitForFileAsync(string path, long bytes) =>
        Eventually.UntilAsync(() => new FileInfo(path).Length >= bytes, $"{path} holds {bytes} bytes");
}
