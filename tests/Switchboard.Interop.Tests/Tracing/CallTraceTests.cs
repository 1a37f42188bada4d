using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Otlp;

namespace Switchboard.Interop.Tests.Tracing;

/// <summary>
/// A real call's trace reaches a real OTLP/HTTP receiver: the server process exports over OTLP (Tracing:OtlpEndpoint),
/// a baresip caller goes through the menu into the queue, the agent accepts over gRPC, the agent's baresip phone
/// answers, the caller hangs up. The receiver decodes the protobuf and the test checks the spans and their links.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class CallTraceTests
{
    private const string CallerNumber = "0701112233";

    [Fact]
    public async Task Call_ThroughQueueToAgent_OneTraceFromInviteToEnd()
    {
        await using var receiver = OtlpTraceReceiver.Start();
        await using var harness = await StartTracedAsync(receiver);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = CallerNumber }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        await caller.HangupAsync().DefaultTimeout();

        var (spans, call) = await CallSpansAsync(receiver, offer.CallId);
        Assert.Equal("Switchboard.Calls", call.Scope);
        Assert.Equal("bsu", call.Attributes["switchboard.queue"]);
        Assert.Equal(CallFlowHarness.AgentId, call.Attributes["switchboard.agent_id"]);
        var trace = spans.Where(s => s.TraceId == call.TraceId).ToList();

        // The INVITE from the caller is the root; the call is its child; each step is a child of the call.
        var invite = Assert.Single(trace, s => s.SpanId == call.ParentSpanId);
        Assert.Equal(("SIP INVITE", 2, "Switchboard.Sip", "200"), (invite.Name, invite.Kind, invite.Scope, invite.Attributes["sip.status_code"]));
        Assert.Null(invite.ParentSpanId);
        var steps = trace.Where(s => s.ParentSpanId == call.SpanId).Select(s => s.Name).ToList();
        Assert.Contains(steps, s => s.StartsWith("InIvr ", StringComparison.Ordinal));
        Assert.Subset(steps.ToHashSet(), new HashSet<string> { "JoiningQueue", "Queued", "DiallingAgent", "Connected", "Ended" });

        // Enqueue, the ACD's accept and the agent leg's INVITE sit under the step that made them.
        var joinQueue = Span(trace, "ACD JoinQueue", under: "JoiningQueue", call);
        // The store's Redis calls inside it (the enqueue script).
        Assert.Contains(trace, s => s.ParentSpanId == joinQueue.SpanId && s.Name == "Redis EVALSHA Enqueue" && s.Scope == "Switchboard.Redis"
            && s.Attributes.GetValueOrDefault("db.system") == "redis");
        Span(trace, "ACD Accepted", under: "Queued", call);

        // The other stores' Redis calls are spans of the call too: the callback store's resume-place look-up when the
        // caller joins the queue, the registration store's look-up of the agent's phone when the agent leg is dialled.
        var resume = Assert.Single(trace, s => s.Name == "Redis callback store: TakeResumablePlace");
        Assert.Contains(trace, s => s.SpanId == resume.ParentSpanId);
        var lookup = trace.First(s => s.Name == "Redis registration store: Get");
        Assert.Equal(("Switchboard.Redis", "registration store", 3), (lookup.Scope, lookup.Attributes["switchboard.store"], lookup.Kind));
        Assert.Contains(trace, s => s.SpanId == lookup.ParentSpanId && s.Name == "DiallingAgent" && s.ParentSpanId == call.SpanId);

        // Background loops (the scheduler's tick, the metrics refresher, sweeps) make no traces of their own.
        Assert.DoesNotContain(spans, s => s.Scope == "Switchboard.Redis" && s.ParentSpanId is null);
        var agentInvite = Span(trace, "SIP INVITE", under: "DiallingAgent", call);
        Assert.Equal(3, agentInvite.Kind); // client

        // The offer to the agent is a span of its own, from the ACD's offer to the accept, under the step the call was
        // in when its node heard of it (the offer may come before the call has moved from JoiningQueue to Queued).
        var offered = Assert.Single(trace, s => s.Name == "ACD Offer");
        Assert.Contains(trace, s => s.SpanId == offered.ParentSpanId && s.ParentSpanId == call.SpanId && s.Name is "JoiningQueue" or "Queued");
        Assert.Equal(("accepted", CallFlowHarness.AgentId), (offered.Attributes["switchboard.offer.outcome"], offered.Attributes["switchboard.agent_id"]));

        // The accept arrived over gRPC: ASP.NET Core's span of that request.
        Assert.Contains(spans, s => s.Scope == "Microsoft.AspNetCore" && s.Name.Contains("AcceptOffer", StringComparison.Ordinal));

        // No phone number in any span.
        Assert.DoesNotContain(spans, s => s.Attributes.Values.Any(v => v.Contains(CallerNumber, StringComparison.Ordinal)) || s.Name.Contains(CallerNumber, StringComparison.Ordinal));
        Assert.Equal(0, receiver.BadRequests);

        // The call's log lines carry its trace id (logger scopes are on when tracing is).
        Assert.Contains(harness.Server.StandardOutput.Split('\n'), line => line.Contains(offer.CallId, StringComparison.Ordinal) && line.Contains(call.TraceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offer_AgentLetsItTimeOut_OfferSpanEndsWithTimeout()
    {
        await using var receiver = OtlpTraceReceiver.Start();
        await using var harness = await StartTracedAsync(receiver);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = CallerNumber }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.Enqueued);

        // The agent is offered the call and does nothing: the queue's offer_timeout (6 s) runs out.
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.OfferTimedOut, TimeSpan.FromSeconds(30));
        await caller.HangupAsync().DefaultTimeout();

        var (spans, call) = await CallSpansAsync(receiver, offer.CallId);
        var trace = spans.Where(s => s.TraceId == call.TraceId).ToList();
        var timedOut = Assert.Single(trace, s => s.Name == "ACD Offer" && s.Attributes.GetValueOrDefault("switchboard.offer.outcome") == "timeout");
        Assert.Equal(CallFlowHarness.AgentId, timedOut.Attributes["switchboard.agent_id"]);
        Assert.Contains(trace, s => s.SpanId == timedOut.ParentSpanId && s.ParentSpanId == call.SpanId && s.Name is "JoiningQueue" or "Queued");
        Assert.Equal(0, receiver.BadRequests);
    }

    /// <summary>A call-flow server exporting to <paramref name="receiver"/> every 200 ms, its agent signed in.</summary>
    private static async Task<CallFlowHarness> StartTracedAsync(OtlpTraceReceiver receiver)
    {
        var harness = await CallFlowHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Tracing:OtlpEndpoint"] = receiver.Endpoint.ToString(),
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        try
        {
            await harness.SignInAsync();
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every span received once the call's own span (which ends last) has arrived, and that span.</summary>
    private static async Task<(IReadOnlyList<OtlpSpan> Spans, OtlpSpan Call)> CallSpansAsync(OtlpTraceReceiver receiver, string callId)
    {
        bool IsCall(OtlpSpan s) => s.Name == "call" && s.Attributes.GetValueOrDefault("switchboard.call_id") == callId;
        var spans = await receiver.WaitForAsync(all => all.Any(IsCall), TimeSpan.FromSeconds(30));
        return (spans, spans.Single(IsCall));
    }

    private static OtlpSpan Span(List<OtlpSpan> trace, string name, string under, OtlpSpan call)
    {
        var step = trace.Single(s => s.Name == under && s.ParentSpanId == call.SpanId);
        return Assert.Single(trace, s => s.Name == name && s.ParentSpanId == step.SpanId);
    }
}
