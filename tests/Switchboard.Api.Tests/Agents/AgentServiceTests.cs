using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using AgentSkill = Switchboard.Acd.Agents.AgentSkill;
using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Agents;

/// <summary>The agent API over a real ACD on a real redis-server, through the in-process gRPC host.</summary>
public sealed class AgentServiceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Anna = ApiTestHost.Bearer(TestTokens.AnnaKey);
    private ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
        await _host.AddAgentAsync("anna", ["bygglov", "bsu"], skills: [new AgentSkill("bygg", 8)]).DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_NoQueueArguments_ProfileFromTheDirectory()
    {
        var response = await SignInAsync().DefaultTimeout();

        Assert.Equal("anna", response.Status.AgentId);
        Assert.Equal("anna (test)", response.Status.DisplayName);
        Assert.Equal(Agent.V1.AgentState.Ready, response.Status.State);
        Assert.Equal(["bygglov", "bsu"], response.Status.Queues);
        Assert.Equal(["sv", "en"], response.Status.Languages);
        Assert.Equal(8, Assert.Single(response.Status.Skills).Level);
        Assert.Equal("anna", response.Status.PhoneUser);
        Assert.Empty(response.Status.SipAddress);
    }

    [Fact]
    public async Task SignIn_StartPaused_AgentPausedWithReason()
    {
        var response = await SignInAsync(paused: true).DefaultTimeout();

        Assert.Equal(Agent.V1.AgentState.Paused, response.Status.State);
        Assert.Equal(Agent.V1.PauseReason.Meeting, response.Status.PauseReason);
    }

    [Fact]
    public async Task SignIn_NarrowedToOneAssignedQueue_ServesOnlyThatQueue()
    {
        var response = await _host.AgentClient.SignInAsync(new SignInRequest { Queues = { "bsu" }, Languages = { "sv" } }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(["bsu"], response.Status.Queues);
        Assert.Equal(["sv"], response.Status.Languages);
    }

    [Fact]
    public async Task SignIn_QueueNotAssigned_PermissionDeniedAndNotSignedIn()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.SignInAsync(new SignInRequest { Queues = { "bsu", "ekonomi" } }, Anna).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("'ekonomi' is not assigned", error.Status.Detail, StringComparison.Ordinal);
        Assert.Null(await _host.Acd.GetAgentAsync("anna").DefaultTimeout());
    }

    [Fact]
    public async Task SignIn_NotInTheDirectory_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.SignInAsync(new SignInRequest(), ApiTestHost.Bearer(TestTokens.BoKey)).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("not in the agent directory", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DisabledInTheDirectory_PermissionDenied()
    {
        await _host.AddAgentAsync("bo", ["bygglov"], enabled: false).DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.SignInAsync(new SignInRequest(), ApiTestHost.Bearer(TestTokens.BoKey)).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("disabled", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:+46900123456@127.0.0.9:5060", null)]
    [InlineData("", "bygg")]
    public async Task SignIn_OwnDialTargetOrSkills_InvalidArgumentAndNotSignedIn(string sipAddress, string? skill)
    {
        var request = new SignInRequest { SipAddress = sipAddress };
        if (skill is not null)
        {
            request.Skills.Add(new Skill { Name = skill, Level = 10 });
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.AgentClient.SignInAsync(request, Anna).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Null(await _host.Acd.GetAgentAsync("anna").DefaultTimeout());
    }

    [Fact]
    public async Task SignIn_AgainWhileReady_TakesTheNewNarrowingAndStaysReady()
    {
        await SignInAsync().DefaultTimeout();

        var again = await _host.AgentClient.SignInAsync(new SignInRequest { Queues = { "bygglov" } }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(Agent.V1.AgentState.Ready, again.Status.State);
        Assert.Equal(["bygglov"], again.Status.Queues);
    }

    [Fact]
    public async Task SignIn_AgainWhileOffered_RefusedAndProfileUnchanged()
    {
        await SignInAsync().DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-resign", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.AgentClient.SignInAsync(
            new SignInRequest { Queues = { "bsu" } }, Anna).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("already signed in", error.Status.Detail, StringComparison.Ordinal);
        var status = await _host.Acd.GetAgentAsync("anna").DefaultTimeout();
        Assert.Equal(["bygglov", "bsu"], status!.Agent.Queues);
        Assert.Equal("call-resign", status.CallId);
    }

    [Fact]
    public async Task AcceptOffer_RetriedByTheAgentAfterItSucceeded_OkAgainAndCallStaysTheirs()
    {
        await SignInAsync().DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-retry", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();

        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-retry" }, Anna).ResponseAsync.DefaultTimeout();
        // The client's deadline passed before the answer came: it sends the same AcceptOffer again, before and after
        // the phone answered.
        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-retry" }, Anna).ResponseAsync.DefaultTimeout();
        await _host.Acd.CallAnsweredAsync("call-retry").DefaultTimeout();
        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-retry" }, Anna).ResponseAsync.DefaultTimeout();

        var status = await _host.Acd.GetAgentAsync("anna").DefaultTimeout();
        Assert.Equal((Acd.Agents.AgentState.OnCall, "call-retry"), (status!.State, status.CallId));
        var events = await _host.Acd.ReadEventsAsync(null, 500).DefaultTimeout();
        Assert.Single(events, e => e.Type == Acd.Events.AcdEventType.Accepted && e.CallId == "call-retry");
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-other" }, Anna).ResponseAsync).DefaultTimeout();
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task SetState_PauseThenReady_StateFollows()
    {
        await SignInAsync().DefaultTimeout();

        var paused = await _host.AgentClient.SetStateAsync(new SetStateRequest { State = Agent.V1.AgentState.Paused, PauseReason = Agent.V1.PauseReason.Lunch }, Anna).ResponseAsync.DefaultTimeout();
        var ready = await _host.AgentClient.SetStateAsync(new SetStateRequest { State = Agent.V1.AgentState.Ready }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(Agent.V1.AgentState.Paused, paused.Status.State);
        Assert.Equal(Agent.V1.PauseReason.Lunch, paused.Status.PauseReason);
        Assert.Equal(Agent.V1.AgentState.Ready, ready.Status.State);
    }

    [Fact]
    public async Task SetState_PauseWithoutReason_InvalidArgument()
    {
        await SignInAsync().DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.SetStateAsync(new SetStateRequest { State = Agent.V1.AgentState.Paused }, Anna).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Events_WholeCall_OfferConnectedEndedWrapUpInOrderAndCounted()
    {
        await SignInAsync().DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var stream = _host.AgentClient.Events(new EventsRequest(), Anna, cancellationToken: cts.Token);
        var first = await NextAsync(stream).DefaultTimeout();
        Assert.Equal(Agent.V1.AgentState.Ready, first.StateChanged.State);

        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-1", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();
        var offer = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.Offer).DefaultTimeout();
        Assert.Equal("call-1", offer.Offer.CallId);
        Assert.Equal("bygglov", offer.Offer.Queue);
        Assert.Equal("+46701234567", offer.Offer.CallerNumber);
        Assert.Equal("sv", offer.Offer.Language);
        Assert.Equal(OfferKind.Call, offer.Offer.Kind);

        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-1" }, Anna).ResponseAsync.DefaultTimeout();
        await _host.Acd.CallAnsweredAsync("call-1").DefaultTimeout();
        await _host.Services.GetRequiredService<Acd.Notices.AgentNoticeStore>().CallConnectedAsync("anna", "call-1", "bygglov").DefaultTimeout();
        var connected = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.CallConnected).DefaultTimeout();
        Assert.Equal("call-1", connected.CallConnected.CallId);

        await _host.Acd.CallEndedAsync("call-1").DefaultTimeout();
        var ended = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.CallEnded).DefaultTimeout();
        var wrapUp = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.WrapUpStarted).DefaultTimeout();
        Assert.NotNull(ended);
        Assert.NotNull(wrapUp);

        var completed = await _host.AgentClient.CompleteWrapUpAsync(new CompleteWrapUpRequest { Outcome = Outcome.Resolved, Note = "bygglov förklarat" }, Anna).ResponseAsync.DefaultTimeout();
        Assert.Equal(Agent.V1.AgentState.Ready, completed.Status.State);

        var stats = await _host.AgentClient.GetMyStatisticsAsync(new GetMyStatisticsRequest(), Anna).ResponseAsync.DefaultTimeout();
        Assert.Equal(1, stats.Offers);
        Assert.Equal(1, stats.Accepted);
        Assert.Equal(1, stats.CallsAnswered);
        Assert.Equal(1, stats.Outcomes["resolved"]);
    }

    [Fact]
    public async Task RejectOffer_OfferedCall_CountsAsMissed()
    {
        await SignInAsync().DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-2", "bygglov", [], "sv", 0, "+4611111")).DefaultTimeout();

        await _host.AgentClient.RejectOfferAsync(new RejectOfferRequest { CallId = "call-2" }, Anna).ResponseAsync.DefaultTimeout();

        var status = await _host.Acd.GetAgentAsync("anna").DefaultTimeout();
        // The caller keeps their place and may be re-offered (here to the only agent); the reject is counted.
        Assert.NotNull(status);
        Assert.Equal(1, status.MissedInRow);
        Assert.NotNull(await _host.Acd.GetEntryAsync("call-2").DefaultTimeout());
    }

    [Fact]
    public async Task HangUp_CallOfAnotherAgent_PermissionDenied()
    {
        await SignInAsync().DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-3", "bygglov", [], "sv", 0, "+4622222")).DefaultTimeout();
        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-3" }, Anna).ResponseAsync.DefaultTimeout();
        var bo = ApiTestHost.Bearer(TestTokens.BoKey);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.HangUpAsync(new HangUpRequest { CallId = "call-3" }, bo).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Transfer_OwnCall_SendsCommandToOwningNode()
    {
        await SignInAsync().DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-4", "bygglov", [], "sv", 0, "+4633333")).DefaultTimeout();
        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-4" }, Anna).ResponseAsync.DefaultTimeout();
        await _host.Acd.CallAnsweredAsync("call-4").DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        var control = _host.Services.GetRequiredService<Acd.CallControl.CallControlStore>();
        await using var commands = control.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = commands.MoveNextAsync().AsTask();
        await WaitForSubscriberAsync(control).DefaultTimeout();

        var response = await _host.AgentClient.TransferAsync(new TransferRequest { CallId = "call-4", ExternalNumber = "+46855500000", OnNoAnswerReturnToQueue = true }, Anna).ResponseAsync.DefaultTimeout();

        Assert.True(await next.DefaultTimeout());
        while (commands.Current.Kind == "probe")
        {
            Assert.True(await commands.MoveNextAsync().AsTask().DefaultTimeout());
        }

        Assert.Equal("transfer", commands.Current.Kind);
        Assert.Equal("call-4", commands.Current.CallId);
        Assert.Equal("anna", commands.Current.AgentId);
        Assert.Equal("+46855500000", commands.Current.TargetNumber);
        Assert.True(commands.Current.ReturnToQueueOnNoAnswer);
        Assert.Equal(response.TransferId, commands.Current.CommandId);
    }

    [Theory]
    [InlineData("+46900123456", "PremiumRate")]
    [InlineData("sip:+46900123456@127.0.0.1", "AllowedSipDomains")]
    [InlineData("sip:eva@127.0.0.1;maddr=evil.example.com", "';' is not allowed")]
    [InlineData("112", "SpecialNumber")]
    public async Task Transfer_TargetOutsideTheDiallingPolicy_InvalidArgumentWithTheReason(string target, string reason)
    {
        await SignInAsync().DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.TransferAsync(new TransferRequest { CallId = "call-9", ExternalNumber = target }, Anna).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task WaitForSubscriberAsync(Acd.CallControl.CallControlStore control)
    {
        // A probe command counts receivers: once the subscription is live it reaches one.
        while (!await control.SendAsync(new Acd.CallControl.CallControlCommand("probe", "-", "-", "-")))
        {
            await Task.Yield();
        }
    }

    private Task<SignInResponse> SignInAsync(bool paused = false) =>
        _host.AgentClient.SignInAsync(
            new SignInRequest
            {
                StartPaused = paused,
                PauseReason = paused ? Agent.V1.PauseReason.Meeting : Agent.V1.PauseReason.Unspecified,
            },
            Anna).ResponseAsync;

    private static async Task<AgentEvent> NextAsync(AsyncServerStreamingCall<AgentEvent> stream)
    {
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        return stream.ResponseStream.Current;
    }

    private static async Task<AgentEvent> NextOfKindAsync(AsyncServerStreamingCall<AgentEvent> stream, AgentEvent.EventOneofCase kind)
    {
        while (true)
        {
            var next = await NextAsync(stream);
            if (next.EventCase == kind)
            {
                return next;
            }
        }
    }
}
