using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// What the agent's own desk phone (baresip) does inside a connected call: hold and resume (re-INVITE
/// <c>sendonly</c>, then <c>sendrecv</c>), and a transfer with REFER to a handläggare, tracked like an API transfer.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed class AgentPhoneTests
{
    private const int HandlaggareTone = 1500;

    [Fact]
    public async Task Hold_FromAgentPhone_CallerHearsMusicThenTheAgentAgainAfterResume()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230020", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        await HeardAudio.WaitUntilHeardAsync(caller, h => h.ToneRatio(CallFlowHarness.AgentTone) > 0.3, "the agent's tone", TimeSpan.FromSeconds(10));

        await harness.AgentPhone.SendCommandAsync("hold", null).DefaultTimeout();

        // Music on hold, not the agent's tone and not silence.
        var music = await HeardAudio.WaitUntilHeardAsync(caller, h => h.ToneRatio(CallFlowHarness.AgentTone) < 0.05 && h.Rms() > 300, "music on hold", TimeSpan.FromSeconds(10));
        Assert.True(music.Rms() > 300, $"music RMS {music.Rms():0}");
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);

        await harness.AgentPhone.SendCommandAsync("resume", null).DefaultTimeout();

        await HeardAudio.WaitUntilHeardAsync(caller, h => h.ToneRatio(CallFlowHarness.AgentTone) > 0.3, "the agent again", TimeSpan.FromSeconds(10));
        // The other direction cannot be heard here: baresip 1.0 without a sound device does not restart its decode
        // recorder after hold (its RTP keeps arriving, its "-dec.wav" stops growing); the bridge is one piece both ways.
        Assert.Equal(Acd.Agents.AgentState.OnCall, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
        await caller.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Refer_FromAgentPhoneToHandlaggare_TrackedLikeApiTransferAndCallerTalksToTarget()
    {
        await using var eva = await BaresipPhone.StartAsync(new BaresipOptions { User = "eva", AutoAnswer = true, SineFrequency = HandlaggareTone, Record = true }).DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan,
            settings: new Dictionary<string, string?> { ["Transfer:AllowedSipDomains:0"] = "127.0.0.1" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230021", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        await harness.AgentPhone.SendCommandAsync("transfer", eva.Uri).DefaultTimeout();

        var result = (await CallFlowHarness.ReadUntilAllAsync(events, stop.Token, AgentEvent.EventOneofCase.TransferResult).DefaultTimeout())[AgentEvent.EventOneofCase.TransferResult].TransferResult;
        Assert.True(result.Answered, result.Result);
        Assert.Equal("answered", result.Result);
        await eva.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await HeardAudio.WaitUntilHeardAsync(caller, h => h.ToneRatio(HandlaggareTone) > 0.3, "the handläggare", TimeSpan.FromSeconds(10));
        await HeardAudio.WaitUntilHeardAsync(eva, h => h.ToneRatio(CallFlowHarness.CallerTone) > 0.3, "the caller at the handläggare", TimeSpan.FromSeconds(10));

        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.TransferAnswered, TimeSpan.FromSeconds(10)).DefaultTimeout();
        Assert.Contains(story, e => e.Type == AcdEventType.TransferStarted && e.Fields["target"] == eva.Uri);
        Assert.Contains(story, e => e.Type == AcdEventType.TransferAnswered && e.Fields["target"] == eva.Uri);
        Assert.Equal(Acd.Agents.AgentState.WrapUp, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
        await caller.HangupAsync().DefaultTimeout();
        await eva.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
    }
}
