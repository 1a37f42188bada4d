using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using CallbackOutcome = Switchboard.Acd.Callbacks.CallbackOutcome;
using CallbackState = Switchboard.Acd.Callbacks.CallbackState;

namespace Switchboard.Interop.Tests.Callbacks;

/// <summary>
/// Callbacks dialled end to end by a real Switchboard process: the agent signs in over gRPC with a registered baresip
/// phone, accepts the callback's offer, the server rings the phone, then dials a SIPp "citizen" behind a loopback trunk
/// address, plays the hello prompt and bridges the legs. The callbacks are requested by a second node (this test's
/// own store), so the accept must reach the server that took the offer.
/// </summary>
[Collection(TransferCollection.Name)]
public sealed class CallbackDiallingTests
{
    private const string CallerId = "+4631123456";
    private const string Citizen = "+46701234567";

    /// <summary>Answers only an INVITE for the citizen's number with our caller ID in From and P-Asserted-Identity.</summary>
    internal const string AnsweringCitizen = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="citizen answers">
          <recv request="INVITE" crlf="true">
            <action>
              <ereg regexp="^INVITE sip:\+46701234567@127\.0\.0\.1" search_in="msg" check_it="true" assign_to="ruri"/>
              <ereg regexp="sip:\+4631123456@" search_in="hdr" header="From:" check_it="true" assign_to="from"/>
              <ereg regexp="sip:\+4631123456@" search_in="hdr" header="P-Asserted-Identity:" check_it="true" assign_to="pai"/>
              <log message="checked [$ruri] [$from] [$pai]"/>
            </action>
          </recv>
          <send><![CDATA[
        SIP/2.0 180 Ringing
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Contact: <sip:[local_ip]:[local_port];transport=[transport]>
        Content-Length: 0

          ]]></send>
          <send retrans="500"><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Contact: <sip:[local_ip]:[local_port];transport=[transport]>
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=citizen 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000

          ]]></send>
          <recv request="ACK" crlf="true"/>
          <recv request="BYE"/>
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

    /// <summary>Never answers: 480 Temporarily Unavailable (RFC 3261 §21.4.18), i.e. no answer.</summary>
    private static readonly string UnavailableCitizen = SippScenarios.Rejecting("480 Temporarily Unavailable", "citizen unavailable");

    [Fact]
    public async Task AcceptedCallback_AgentThenCitizenThroughTrunk_BridgedAndAgentHangUpEndsBothLegs()
    {
        await using var citizen = await StartAnsweringCitizenAsync();
        await using var harness = await CallFlowHarness.StartAsync(settings: Trunk(citizen.LocalPort));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.StateChanged, stop.Token).DefaultTimeout();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
        var callbacks = new CallbackStore(redis, harness.Acd, new CallbackOptions(), TimeProvider.System);
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "070-123 45 67")).DefaultTimeout()).CallbackId!;

        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        Assert.Equal(id, offer.CallId);
        Assert.Equal(OfferKind.Callback, offer.Kind);
        Assert.Equal(Citizen, offer.CallerNumber);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = id }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        // The agent's phone rings first (and answers), then the citizen; the legs are bridged after the hello prompt.
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var answered = await harness.WaitForCallEventAsync(id, AcdEventType.CallbackAnswered, TimeSpan.FromSeconds(40));
        Assert.True(answered.Any(e => e.Type == AcdEventType.CallbackAnswered), harness.Describe(answered));

        // Audio agent -> server -> citizen (SIPp echoes) -> server -> agent: the agent hears their own tone back.
        var mark = HeardAudio.CurrentLength(harness.AgentPhone);
        await HeardAudio.WaitForMoreAudioAsync(harness.AgentPhone, mark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        var heard = HeardAudio.Tail(PcmRecording.Read(harness.AgentPhone.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        Assert.True(heard.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"agent hears the echoed {CallFlowHarness.AgentTone} Hz share {heard.ToneRatio(CallFlowHarness.AgentTone):0.00}");

        // The agent hangs up: the server sends BYE to the citizen (SIPp's scenario completes) and the agent goes to wrap-up.
        await harness.AgentPhone.HangupAsync().DefaultTimeout();
        var sipp = await citizen.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(id, AcdEventType.Ended, TimeSpan.FromSeconds(10));
        AssertInOrder(story, AcdEventType.CallbackRequested, AcdEventType.Enqueued, AcdEventType.Offered, AcdEventType.Accepted,
            AcdEventType.CallbackDialling, AcdEventType.Answered, AcdEventType.CallbackAnswered, AcdEventType.Ended);
        Assert.Equal(Acd.Agents.AgentState.WrapUp, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
        var closed = await callbacks.GetAsync(id).DefaultTimeout();
        Assert.Equal((CallbackState.Closed, CallbackOutcome.Answered, 1), (closed!.State, closed.Outcome, closed.Attempts));
    }

    [Fact]
    public async Task ConnectedCallback_AgentHangUpRpc_BothLegsEndAndAgentStreamToldTheOutcome()
    {
        await using var citizen = await StartAnsweringCitizenAsync();
        await using var harness = await CallFlowHarness.StartAsync(settings: Trunk(citizen.LocalPort));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.StateChanged, stop.Token).DefaultTimeout();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
        var callbacks = new CallbackStore(redis, harness.Acd, new CallbackOptions(), TimeProvider.System);
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", Citizen)).DefaultTimeout()).CallbackId!;
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout();
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = id }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var completed = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.CallbackCompleted, stop.Token).WaitAsync(TimeSpan.FromSeconds(40))).CallbackCompleted;
        Assert.Equal((id, Api.Agent.V1.CallbackOutcome.Answered, Api.Agent.V1.CallbackState.Closed), (completed.Callback.CallbackId, completed.Callback.Outcome, completed.Callback.State));

        await harness.Agent.HangUpAsync(new HangUpRequest { AgentId = CallFlowHarness.AgentId, CallId = id }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        var sipp = await citizen.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        var story = await harness.WaitForCallEventAsync(id, AcdEventType.Ended, TimeSpan.FromSeconds(10));
        Assert.Contains(story, e => e.Type == AcdEventType.Ended);
    }

    [Fact]
    public async Task AcceptedCallback_CitizenNeverAnswers_RetriedOnScheduleThenUnreachable()
    {
        await using var citizen = SippRunner.Start(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(UnavailableCitizen, "unavailable"),
            Calls = 3,
            Timeout = TimeSpan.FromSeconds(120),
        });
        await citizen.WaitUntilListeningAsync().DefaultTimeout();
        var settings = Trunk(citizen.LocalPort);
        settings["Callbacks:RetryInterval"] = "00:00:02";
        settings["Callbacks:SweepInterval"] = "00:00:00.5";
        await using var harness = await CallFlowHarness.StartAsync(settings: settings);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.StateChanged, stop.Token).DefaultTimeout();
        var options = new CallbackOptions { RetryInterval = TimeSpan.FromSeconds(2) };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
        var callbacks = new CallbackStore(redis, harness.Acd, options, TimeProvider.System);
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", Citizen)).DefaultTimeout()).CallbackId!;
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        var offeredAt = new List<DateTimeOffset>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).WaitAsync(TimeSpan.FromSeconds(30))).Offer;
            Assert.Equal(id, offer.CallId);
            offeredAt.Add(DateTimeOffset.UtcNow);
            await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = id }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        }

        var story = await harness.WaitForCallEventAsync(id, AcdEventType.CallbackUnreachable, TimeSpan.FromSeconds(30));
        AssertInOrder(story,
            AcdEventType.CallbackRequested,
            AcdEventType.CallbackDialling, AcdEventType.CallbackAttemptFailed, AcdEventType.CallbackRequeued,
            AcdEventType.CallbackDialling, AcdEventType.CallbackAttemptFailed, AcdEventType.CallbackRequeued,
            AcdEventType.CallbackDialling, AcdEventType.CallbackUnreachable);
        Assert.Equal(3, story.Count(e => e.Type == AcdEventType.CallbackDialling));

        // Each retry waited the configured interval (the callback kept its place meanwhile and came back to it).
        Assert.All(offeredAt.Zip(offeredAt.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.9), $"{pair.Second - pair.First}"));
        var closed = await callbacks.GetAsync(id).DefaultTimeout();
        Assert.Equal((CallbackState.Closed, CallbackOutcome.Unreachable, 3), (closed!.State, closed.Outcome, closed.Attempts));
        var sipp = await citizen.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sipp.Succeeded, sipp.ToString());
        Assert.Equal(Acd.Agents.AgentState.Ready, (await harness.Acd.GetAgentAsync(CallFlowHarness.AgentId).DefaultTimeout())!.State);
    }

    [Fact]
    public async Task AcceptedCallback_AgentPhoneDoesNotAnswer_KeepsItsPlaceUncountedAndIsOfferedAgain()
    {
        var settings = Trunk(LoopbackPorts.FreeUdpAndTcp()); // nobody there: the citizen must never be dialled
        settings["Trunk:AgentRingTimeout"] = "00:00:03";
        await using var harness = await CallFlowHarness.StartAsync(agentAutoAnswer: false, settings: settings);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync(paused: true);
        using var events = harness.OpenEvents(stop.Token);
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.StateChanged, stop.Token).DefaultTimeout();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
        var callbacks = new CallbackStore(redis, harness.Acd, new CallbackOptions(), TimeProvider.System);
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", Citizen)).DefaultTimeout()).CallbackId!;
        var place = (await harness.Acd.GetEntryAsync(id).DefaultTimeout())!.EnqueuedAt;
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).DefaultTimeout()).Offer;
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallIncoming).DefaultTimeout();

        // The phone rings out (3 s): the callback goes back to its place, offered again, the attempt not counted.
        var again = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).WaitAsync(TimeSpan.FromSeconds(20))).Offer;
        Assert.Equal(id, again.CallId);
        var callback = await callbacks.GetAsync(id).DefaultTimeout();
        Assert.Equal((CallbackState.Pending, 0), (callback!.State, callback.Attempts));
        Assert.Equal(place, (await harness.Acd.GetEntryAsync(id).DefaultTimeout())!.EnqueuedAt);
        var story = await harness.WaitForCallEventAsync(id, AcdEventType.CallbackAgentMissed, TimeSpan.FromSeconds(5));
        AssertInOrder(story, AcdEventType.Accepted, AcdEventType.CallbackDialling, AcdEventType.CallbackAgentMissed, AcdEventType.Rejected);
        Assert.DoesNotContain(story, e => e.Type == AcdEventType.CallbackAttemptFailed);
    }

    /// <summary>Starts the SIPp citizen of <see cref="AnsweringCitizen"/> (one call, echoing RTP) and waits until it listens.</summary>
    private static async Task<SippProcess> StartAnsweringCitizenAsync()
    {
        var citizen = SippRunner.Start(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(AnsweringCitizen, "citizen"),
            Calls = 1,
            RtpEcho = true,
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Timeout = TimeSpan.FromSeconds(90),
        });
        try
        {
            await citizen.WaitUntilListeningAsync().DefaultTimeout();
            return citizen;
        }
        catch
        {
            await citizen.DisposeAsync();
            throw;
        }
    }

    internal static Dictionary<string, string?> Trunk(int port) => new()
    {
        ["Trunk:Uri"] = $"sip:127.0.0.1:{port}",
        ["Trunk:CallerId"] = CallerId,
        ["Trunk:AgentRingTimeout"] = "00:00:10",
        ["Trunk:CitizenRingTimeout"] = "00:00:10",
        ["Trunk:AttemptTimeout"] = "00:00:40",
    };

    internal static void AssertInOrder(IReadOnlyList<AcdEvent> story, params AcdEventType[] expected)
    {
        var at = 0;
        foreach (var e in story)
        {
            if (at < expected.Length && e.Type == expected[at])
            {
                at++;
            }
        }

        Assert.True(at == expected.Length, $"expected in order {string.Join(", ", expected)}; got {string.Join(", ", story.Select(e => e.Type))}");
    }
}
