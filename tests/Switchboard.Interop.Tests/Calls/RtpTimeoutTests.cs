using System.Net;
using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A caller whose RTP stops (here: a SIPp caller that never sends any) is ended by the server: BYE, ACD told.</summary>
[Collection(CallFlowCollection.Name)]
public sealed class RtpTimeoutTests
{
    // Answers, keys 1 by SIP INFO, sends no RTP at all, and waits for the server's BYE.
    private static readonly string SilentCaller = $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="silent caller">
        {SippScenarios.AnsweredCall("0701239999")}
          <pause milliseconds="500"/>
          <send retrans="500"><![CDATA[
        INFO [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:0701239999@[local_ip]:[local_port]>;tag=[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 2 INFO
        Max-Forwards: 70
        Content-Type: application/dtmf-relay
        Content-Length: [len]

        Signal=1
        Duration=160
          ]]></send>
          <recv response="200"/>
          <recv request="BYE" timeout="30000"/>
          <send><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

          ]]></send>
        </scenario>
        """;

    [Fact]
    public async Task Call_CallerRtpStopsWhileWaiting_ServerSendsByeAndAcdRecordsAbandoned()
    {
        await using var harness = await CallFlowHarness.StartAsync(settings: new Dictionary<string, string?> { ["Media:RtpInactivityTimeout"] = "8" });

        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(SilentCaller, "silent"),
            Remote = new IPEndPoint(IPAddress.Loopback, harness.Server.SipPort),
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(45),
        }).WaitAsync(TimeSpan.FromSeconds(60));

        // SIPp succeeds only when it received the server's BYE.
        Assert.True(result.Succeeded, result.ToString());
        var all = await harness.Acd.ReadEventsAsync(null, 1000).DefaultTimeout();
        var enqueued = Assert.Single(all, e => e.Type == AcdEventType.Enqueued);
        var story = await harness.WaitForCallEventAsync(enqueued.CallId!, AcdEventType.Abandoned, TimeSpan.FromSeconds(5)).DefaultTimeout();
        Assert.Contains(story, e => e.Type == AcdEventType.Abandoned);
    }

    [Fact]
    public async Task Call_CallerRtpStopsWhileConnected_BothLegsGetByeAndAgentGoesToWrapUp()
    {
        await using var harness = await CallFlowHarness.StartAsync(settings: new Dictionary<string, string?> { ["Media:RtpInactivityTimeout"] = "15" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);

        var sipp = SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(SilentCaller, "silent"),
            Remote = new IPEndPoint(IPAddress.Loopback, harness.Server.SipPort),
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(60),
        });
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // Connected; the caller never sends RTP: after the timeout the server ends both legs and tells the ACD "ended".
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(40));
        var result = await sipp.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, result.ToString());
        var ended = await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.CallEnded, stop.Token).DefaultTimeout();
        Assert.Equal(offer.CallId, ended.CallEnded.CallId);
        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.Ended, TimeSpan.FromSeconds(5)).DefaultTimeout();
        Assert.Contains(story, e => e.Type == AcdEventType.Answered);
        Assert.Contains(story, e => e.Type == AcdEventType.Ended);
        Assert.DoesNotContain(story, e => e.Type == AcdEventType.Abandoned);
    }
}
