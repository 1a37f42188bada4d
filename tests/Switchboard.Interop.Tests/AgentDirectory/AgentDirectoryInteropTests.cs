using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Events;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.AgentDirectory;

/// <summary>
/// The agent directory end to end over the real gRPC API and real SIP peers (issue 15): the supervisor creates the
/// agents (<see cref="CallFlowHarness"/> does, through <c>CreateAgent</c>), their phones register with the directory
/// accounts, agents sign in with no queue arguments, routing follows a level the supervisor changes, the server dials
/// nothing but the agent's own registration, callbacks outside the assigned queues stay out of reach, and a disabled
/// agent is refused.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class AgentDirectoryInteropTests
{
    private const string PremiumNumber = "+46900123456";

    [Fact]
    public async Task SupervisorCreatedAgent_SignsInWithoutQueues_OfferedBsuCallerThenLevelChangeRoutesTheNextCaller()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // anna's baresip phone registered with her directory account when the harness started; she names no queue.
        var anna = await harness.SignInAsync();
        Assert.Equal(["bsu"], anna.Queues);
        Assert.Equal(5, Assert.Single(anna.Skills).Level);
        Assert.Equal("anna", anna.PhoneUser);
        await harness.SignInSecondAgentAsync("bsu", ready: true, level: 2);
        using var events = harness.OpenEvents(stop.Token);

        // The better-skilled anna is offered the BSU caller; accepting rings her registered phone, which answers.
        await using var first = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230001" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(first, events, stop.Token);
        Assert.Equal("bsu", offer.Queue);

        // The supervisor raises bo to level 9 while he is signed in; anna finishes her call and is ready again.
        await harness.UpdateDirectoryAgentAsync(CallFlowHarness.DirectoryEntry(CallFlowHarness.SecondAgentId, "bsu", 9));
        Assert.Equal(9, Assert.Single((await harness.Acd.GetAgentAsync(CallFlowHarness.SecondAgentId).DefaultTimeout())!.Agent.Skills).Level);
        await first.HangupAsync().DefaultTimeout();
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.WrapUpStarted, stop.Token).DefaultTimeout();
        await harness.Agent.CompleteWrapUpAsync(new CompleteWrapUpRequest { Outcome = Outcome.Resolved }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();

        // Both ready: the next caller goes to bo, now the better-skilled one, without bo signing in again.
        await using var second = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230002" }).DefaultTimeout();
        await second.DialAsync(harness.IvrUri).DefaultTimeout();
        await second.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var next = await harness.PressUntilAsync(second, "1", e => e.Type == AcdEventType.Offered && e.CallId != offer.CallId);
        Assert.Equal(CallFlowHarness.SecondAgentId, next.AgentId);
    }

    [Fact]
    public async Task AgentLeg_RegisteredContactNamesAPremiumNumber_InviteGoesOnlyToTheAgentsOwnPhone()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var premium = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 0));
        var premiumPort = ((IPEndPoint)premium.Client.LocalEndPoint!).Port;
        var premiumUri = $"sip:{PremiumNumber}@127.0.0.9:{premiumPort}";

        // No free-text dial target: signing in with one is refused.
        var refused = await Assert.ThrowsAsync<RpcException>(() => harness.Agent.SignInAsync(
            new SignInRequest { SipAddress = premiumUri }, harness.AgentHeaders).ResponseAsync).DefaultTimeout();
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);

        // bo's own phone registers his directory account, but with a Contact naming the premium number's host.
        using var phone = new RawRegisteringPhone();
        Assert.Equal(200, await phone.RegisterAsync(harness.Server.SipEndPoint, CallFlowHarness.SecondAgentId, CallFlowHarness.SecondAgentPassword, $"<{premiumUri}>"));
        await harness.SignInSecondAgentAsync("bsu", ready: true);

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230003" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var offered = await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.Offered && e.AgentId == CallFlowHarness.SecondAgentId);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { CallId = offered.CallId }, harness.SecondAgentHeaders).ResponseAsync.DefaultTimeout();

        // The INVITE (whatever its Request-URI says) goes to the address bo's REGISTER came from, never to the premium host.
        var invite = await phone.WaitForRequestAsync("INVITE");
        Assert.Equal(PremiumNumber, invite.Uri.User);
        Assert.Equal(0, premium.Available);
    }

    [Fact]
    public async Task AgentLeg_PhoneNotRegistered_NothingDialledAndTheCallerReoffered()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        await harness.SignInSecondAgentAsync("bsu", ready: true); // bo has no phone registered

        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701230004" }).DefaultTimeout();
        await caller.DialAsync(harness.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var offered = await harness.PressUntilAsync(caller, "1", e => e.Type == AcdEventType.Offered && e.AgentId == CallFlowHarness.SecondAgentId);
        await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { CallId = offered.CallId }, harness.SecondAgentHeaders).ResponseAsync.DefaultTimeout();

        // The leg fails at once: the offer counts as missed and the caller waits on with the place kept.
        await harness.WaitForAcdEventAsync(e => e.Type == AcdEventType.Rejected && e.CallId == offered.CallId, TestTimeouts.Default);
        Assert.NotNull(await harness.Acd.GetEntryAsync(offered.CallId!).DefaultTimeout());
    }

    [Fact]
    public async Task Callbacks_OutsideAssignedQueues_ListClaimCancelRefused()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan);
        var callbacks = new CallbackStore(harness.Redis, harness.Acd, new CallbackOptions(), TimeProvider.System);
        var foreign = (await callbacks.RequestAsync(new CallbackRequest("bbmt", "0701230005")).DefaultTimeout()).CallbackId!;
        var own = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701230006")).DefaultTimeout()).CallbackId!;

        // anna is assigned bsu only.
        var listed = await harness.Agent.ListCallbacksAsync(new Api.Agent.V1.ListCallbacksRequest(), harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        Assert.Equal([own], listed.Callbacks.Select(c => c.CallbackId));
        await AssertDeniedAsync(harness.Agent.ListCallbacksAsync(new Api.Agent.V1.ListCallbacksRequest { Queue = "bbmt" }, harness.AgentHeaders).ResponseAsync);
        await AssertDeniedAsync(harness.Agent.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = foreign }, harness.AgentHeaders).ResponseAsync);
        await AssertDeniedAsync(harness.Agent.CancelCallbackAsync(new Api.Agent.V1.CancelCallbackRequest { CallbackId = foreign }, harness.AgentHeaders).ResponseAsync);
        Assert.Equal(Acd.Callbacks.CallbackState.Pending, (await callbacks.GetAsync(foreign).DefaultTimeout())!.State);
    }

    [Fact]
    public async Task DisabledAgent_SignInAndPhoneRegistrationRefused()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        await harness.Supervisor.DisableAgentAsync(new Api.Supervisor.V1.DisableAgentRequest { AgentId = CallFlowHarness.SecondAgentId, Reason = "test" },
            harness.SupervisorHeaders).ResponseAsync.DefaultTimeout();

        var refused = await Assert.ThrowsAsync<RpcException>(() => harness.Agent.SignInAsync(new SignInRequest(), harness.SecondAgentHeaders).ResponseAsync).DefaultTimeout();
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("disabled", refused.Status.Detail, StringComparison.Ordinal);

        using var phone = new RawRegisteringPhone();
        Assert.Equal(403, await phone.RegisterAsync(harness.Server.SipEndPoint, CallFlowHarness.SecondAgentId, CallFlowHarness.SecondAgentPassword, "<sip:bo@127.0.0.1:5999>"));
    }

    private static async Task AssertDeniedAsync<T>(Task<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call).DefaultTimeout();
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
