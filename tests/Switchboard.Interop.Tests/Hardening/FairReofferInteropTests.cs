using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Hardening;

/// <summary>
/// Two eligible agents ready with registered baresip phones, the better-skilled one (anna, level 5) offered first: a
/// missed offer (rejected, or let time out) reaches the colleague (bo, level 2) next, over the real gRPC API.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class FairReofferInteropTests
{
    [Fact]
    public async Task RejectOffer_BetterSkilledAgentRejects_ColleagueOfferedNextAndTheirPhoneConnects()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var boPhone = await harness.StartSecondAgentPhoneAsync();
        await SignInBothAsync(harness);
        using var anna = harness.OpenEvents(stop.Token);
        using var bo = harness.OpenSecondAgentEvents(stop.Token);
        await using var caller = await CallBsuAsync(harness, "0708888888");

        var first = (await CallFlowHarness.NextAsync(anna.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        await harness.Agent.RejectOfferAsync(new RejectOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = first.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        var second = (await CallFlowHarness.NextAsync(bo.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal(first.CallId, second.CallId);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.SecondAgentId, CallId = second.CallId }, harness.SecondAgentHeaders).ResponseAsync.DefaultTimeout();
        await boPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var offers = (await harness.CallEventsAsync(first.CallId)).Where(e => e.Type == AcdEventType.Offered).Select(e => e.AgentId);
        Assert.Equal([CallFlowHarness.AgentId, CallFlowHarness.SecondAgentId], offers);
        await caller.HangupAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Offer_BetterSkilledAgentLetsItTimeOut_ColleagueOfferedNext()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var boPhone = await harness.StartSecondAgentPhoneAsync();
        await SignInBothAsync(harness);
        using var anna = harness.OpenEvents(stop.Token);
        using var bo = harness.OpenSecondAgentEvents(stop.Token);
        await using var caller = await CallBsuAsync(harness, "0709999999");

        // anna does nothing: the fixture's bsu offer timeout is 6 s.
        var first = (await CallFlowHarness.NextAsync(anna.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        var second = (await CallFlowHarness.NextAsync(bo.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).WaitAsync(TimeSpan.FromSeconds(20))).Offer;

        Assert.Equal(first.CallId, second.CallId);
        var story = await harness.CallEventsAsync(first.CallId);
        Assert.Contains(story, e => e.Type == AcdEventType.OfferTimedOut && e.AgentId == CallFlowHarness.AgentId);
        Assert.Equal([CallFlowHarness.AgentId, CallFlowHarness.SecondAgentId], story.Where(e => e.Type == AcdEventType.Offered).Select(e => e.AgentId));
        await caller.HangupAsync().DefaultTimeout();
    }

    /// <summary>A caller who dials the IVR and presses 1 (bsu).</summary>
    private static async Task<BaresipPhone> CallBsuAsync(CallFlowHarness harness, string number)
    {
        var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = number }).DefaultTimeout();
        try
        {
            await caller.DialAsync(harness.IvrUri).DefaultTimeout();
            await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
            await caller.SendDtmfAsync("1").DefaultTimeout();
            return caller;
        }
        catch
        {
            await caller.DisposeAsync();
            throw;
        }
    }

    /// <summary>anna (bsu level 5) signs in first and bo (bsu level 2) after: anna is both better and longer idle.</summary>
    private static async Task SignInBothAsync(CallFlowHarness harness)
    {
        await harness.SignInAsync();
        await harness.SignInSecondAgentAsync("bsu", ready: true, level: 2);
    }
}
