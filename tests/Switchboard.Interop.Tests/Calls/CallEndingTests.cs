using System.Net;
using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>Call set-up and endings other than the main story: 488, OPTIONS, agent hangs up first, ACD down.</summary>
[Collection(CallFlowCollection.Name)]
public sealed class CallEndingTests
{
    private const string G729OnlyScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="g729 only">
          <send retrans="500"><![CDATA[
        INVITE sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 INVITE
        Contact: sip:sipp@[local_ip]:[local_port]
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 18
        a=rtpmap:18 G729/8000

          ]]></send>
          <recv response="100" optional="true"/>
          <recv response="488"/>
          <send><![CDATA[
        ACK sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        [last_Via:]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 1 ACK
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
        </scenario>
        """;

    private const string OptionsScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="options">
          <send retrans="500"><![CDATA[
        OPTIONS sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 OPTIONS
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
          <recv response="200"/>
        </scenario>
        """;

    [Fact]
    public async Task Invite_NoCommonCodec_Rejected488()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(G729OnlyScenario, "g729"),
            Remote = new IPEndPoint(IPAddress.Loopback, harness.Server.SipPort),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(15),
        }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Options_OutOfDialog_Answered200()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(OptionsScenario, "options"),
            Remote = new IPEndPoint(IPAddress.Loopback, harness.Server.SipPort),
            Calls = 3,
            Timeout = TimeSpan.FromSeconds(15),
        }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, result.ToString());

        // /healthz reports the real SIP transport, not a placeholder.
        using var http = new HttpClient();
        var health = await http.GetStringAsync(new Uri(harness.Server.WebUrl, "/healthz")).DefaultTimeout();
        Assert.Contains("SIP stack listening", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AgentHangsUpOverGrpc_BothLegsEndAndAgentInWrapUp()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0705555555" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        await harness.Agent.HangUpAsync(new HangUpRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        await caller.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
    }

    [Fact]
    public async Task Call_AgentHangsUpFirst_CallerGetsByeAndAgentInWrapUp()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0707777777" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        await harness.AgentPhone.HangupAsync().DefaultTimeout();

        await caller.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(offer.CallId, AcdEventType.Ended, TimeSpan.FromSeconds(5)).DefaultTimeout();
        Assert.Contains(story, e => e.Type == AcdEventType.Answered);
        Assert.Contains(story, e => e.Type == AcdEventType.Ended);
    }

    [Fact]
    public async Task Call_AcdDownWhenEnqueueing_TechnicalFaultPromptThenHangUp()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(redisServer: redis);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0706666666", Record = true }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        redis.Kill();

        await caller.SendDtmfAsync("1").DefaultTimeout();

        // Never silence: the caller hears the technical fault prompt and the server ends the call.
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(40));
        var heard = PcmRecording.Read(caller.HeardRecordings()[^1]);
        var lastSeconds = heard with { Samples = heard.Samples[^Math.Min(heard.Samples.Length, heard.SampleRate * 3)..] };
        Assert.True(lastSeconds.Rms() > 100, $"the last 3 s before hang-up are near silent (RMS {lastSeconds.Rms():0})");
    }
}
