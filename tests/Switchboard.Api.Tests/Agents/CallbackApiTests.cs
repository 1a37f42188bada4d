using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Live;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;
using AgentCallbackOutcome = Switchboard.Api.Agent.V1.CallbackOutcome;
using AgentCallbackState = Switchboard.Api.Agent.V1.CallbackState;
using SupervisorV1 = Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Tests.Agents;

/// <summary>The callback RPCs of the agent and supervisor APIs over a real callback store on a real redis-server.</summary>
public sealed class CallbackApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Anna = ApiTestHost.Bearer(TestTokens.AnnaKey);
    private static readonly Metadata Bo = ApiTestHost.Bearer(TestTokens.BoKey);
    private static readonly Metadata Sara = ApiTestHost.Bearer(TestTokens.SupervisorKey);
    private ApiTestHost _host = null!;
    private CallbackStore _callbacks = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();
        _callbacks = _host.Services.GetRequiredService<CallbackStore>();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "skola" }).DefaultTimeout();
        // Anna serves bygglov (paused, so the ACD does not offer her the callbacks meanwhile); Bo serves skola only.
        await _host.AddAgentAsync("anna", ["bygglov"]).DefaultTimeout();
        await _host.AddAgentAsync("bo", ["skola"]).DefaultTimeout();
        await SignInAsync(Anna, "bygglov").DefaultTimeout();
        await SignInAsync(Bo, "skola").DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListCallbacks_AgentSeesOwnQueuesOldestPlaceFirst()
    {
        var first = await RequestAsync("bygglov", "0702222222").DefaultTimeout();
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        await RequestAsync("skola", "0703333333").DefaultTimeout();
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await RequestAsync("bygglov", "0701111111").DefaultTimeout();

        var list = await _host.AgentClient.ListCallbacksAsync(new ListCallbacksRequest(), Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal([first, second], list.Callbacks.Select(c => c.CallbackId));
        Assert.Equal("+46702222222", list.Callbacks[0].Number);
        Assert.All(list.Callbacks, c => Assert.Equal(AgentCallbackState.Pending, c.State));
    }

    [Fact]
    public async Task ListCallbacks_AgentAndSupervisorReads_EachInTheAuditTrail()
    {
        await RequestAsync("bygglov", "0702222222").DefaultTimeout();

        await _host.AgentClient.ListCallbacksAsync(new ListCallbacksRequest(), Anna).ResponseAsync.DefaultTimeout();
        await _host.SupervisorClient.ListCallbacksAsync(new SupervisorV1.ListCallbacksRequest { Queue = "bygglov" }, Sara).ResponseAsync.DefaultTimeout();

        var audit = await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(5).DefaultTimeout();
        Assert.Equal([("sara", "callback.list", "bygglov: 1 callbacks"), ("anna", "callback.list", "bygglov: 1 callbacks")],
            audit.Select(e => (e.Who, e.Action, e.Details)));
        Assert.DoesNotContain(audit, e => e.Details.Contains("2222222", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListCallbacks_QueueNotTheAgents_PermissionDenied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.ListCallbacksAsync(new ListCallbacksRequest { Queue = "skola" }, Anna).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task ClaimCallback_TakesItOutOfTheQueueAndTellsTheAgentStream()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var stream = _host.AgentClient.Events(new EventsRequest(), Anna, cancellationToken: cts.Token);
        await NextOfKindAsync(stream, AgentEvent.EventOneofCase.StateChanged).DefaultTimeout();
        await WaitForAgentStreamAsync("anna").DefaultTimeout();

        var claimed = await _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(AgentCallbackState.Dialling, claimed.Callback.State);
        Assert.Equal("anna", claimed.Callback.AgentId);
        Assert.Equal(1, claimed.Callback.Attempts);
        Assert.Null(await _host.Acd.GetEntryAsync(id).DefaultTimeout());
        var e = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.CallbackClaimed).DefaultTimeout();
        Assert.Equal(id, e.CallbackClaimed.Callback.CallbackId);
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task ClaimCallback_OtherQueuesCallback_PermissionDeniedAndUntouched()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = id }, Bo).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(Acd.Callbacks.CallbackState.Pending, (await _callbacks.GetAsync(id).DefaultTimeout())!.State);
    }

    [Fact]
    public async Task ClaimCallback_Unknown_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = "cb-nope" }, Anna).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CompleteCallback_NoAnswer_CountsAnAttemptAndKeepsItForTheRetry()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();
        await _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout();

        var response = await _host.AgentClient.CompleteCallbackAsync(
            new CompleteCallbackRequest { CallbackId = id, Outcome = AgentCallbackOutcome.NoAnswer }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(AgentCallbackState.RetryWaiting, response.Callback.State);
        Assert.Equal(AgentCallbackOutcome.NoAnswer, response.Callback.Outcome);
        var expected = (_host.Time.GetUtcNow() + new CallbackOptions().RetryInterval).ToUnixTimeMilliseconds();
        Assert.Equal(expected, response.Callback.NextAttemptAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task CompleteCallback_Completed_ClosesIt()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();
        await _host.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout();

        var response = await _host.AgentClient.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(AgentCallbackState.Closed, response.Callback.State);
        Assert.Equal(AgentCallbackOutcome.Completed, response.Callback.Outcome);
        Assert.Empty((await _host.AgentClient.ListCallbacksAsync(new ListCallbacksRequest(), Anna).ResponseAsync.DefaultTimeout()).Callbacks);
    }

    [Fact]
    public async Task CompleteCallback_NotClaimed_FailedPrecondition()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task CompleteCallback_CancelledAsOutcome_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.AgentClient.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = "cb-1", Outcome = AgentCallbackOutcome.Cancelled }, Anna).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task AgentCancelCallback_OwnQueue_ClosedCancelled()
    {
        var id = await RequestAsync("bygglov", "0701234567").DefaultTimeout();

        var response = await _host.AgentClient.CancelCallbackAsync(new Agent.V1.CancelCallbackRequest { CallbackId = id }, Anna).ResponseAsync.DefaultTimeout();

        Assert.Equal(AgentCallbackOutcome.Cancelled, response.Callback.Outcome);
        Assert.Null(await _host.Acd.GetEntryAsync(id).DefaultTimeout());
    }

    [Fact]
    public async Task SupervisorListAndCancel_AllQueues_CancelAuditedAndSecondCancelRefused()
    {
        var a = await RequestAsync("bygglov", "0701111111").DefaultTimeout();
        var b = await RequestAsync("skola", "0702222222").DefaultTimeout();

        var all = await _host.SupervisorClient.ListCallbacksAsync(new SupervisorV1.ListCallbacksRequest(), Sara).ResponseAsync.DefaultTimeout();
        var skola = await _host.SupervisorClient.ListCallbacksAsync(new SupervisorV1.ListCallbacksRequest { Queue = "skola" }, Sara).ResponseAsync.DefaultTimeout();
        var cancelled = await _host.SupervisorClient.CancelCallbackAsync(new SupervisorV1.CancelCallbackRequest { CallbackId = a, Reason = "dubblett" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), all.Callbacks.Select(c => c.CallbackId).Order(StringComparer.Ordinal));
        Assert.Equal([b], skola.Callbacks.Select(c => c.CallbackId));
        Assert.Equal(SupervisorV1.CallbackState.Closed, cancelled.Callback.State);
        Assert.Equal(SupervisorV1.CallbackOutcome.Cancelled, cancelled.Callback.Outcome);
        Assert.NotNull(cancelled.Callback.ClosedAt);
        var audit = await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(5).DefaultTimeout();
        Assert.Contains(audit, e => e.Who == "sara" && e.Action == "callback.cancel" && e.Details.Contains(a, StringComparison.Ordinal) && e.Details.Contains("dubblett", StringComparison.Ordinal));
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.CancelCallbackAsync(new SupervisorV1.CancelCallbackRequest { CallbackId = a }, Sara).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task SupervisorCancel_BadId_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.CancelCallbackAsync(new SupervisorV1.CancelCallbackRequest { CallbackId = "a b" }, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<string> RequestAsync(string queue, string number)
    {
        var result = await _callbacks.RequestAsync(new CallbackRequest(queue, number));
        Assert.Equal(CallbackRequestOutcome.Created, result.Outcome);
        return result.CallbackId!;
    }

    private Task<SignInResponse> SignInAsync(Metadata who, string queue) =>
        _host.AgentClient.SignInAsync(
            new SignInRequest { Queues = { queue }, StartPaused = true, PauseReason = Agent.V1.PauseReason.Meeting },
            who).ResponseAsync;

    private async Task WaitForAgentStreamAsync(string agentId)
    {
        // The hub's subscription for the stream is live once Redis counts a subscriber on the agent's channel.
        var channel = _host.Services.GetRequiredService<KeySchema>().AgentNotices(agentId);
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        while ((long)(await server.ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString()))[1] == 0)
        {
            await Task.Yield();
        }
    }

    private static async Task<AgentEvent> NextOfKindAsync(AsyncServerStreamingCall<AgentEvent> stream, AgentEvent.EventOneofCase kind)
    {
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (stream.ResponseStream.Current.EventCase == kind)
            {
                return stream.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("stream ended before a " + kind + " event");
    }
}
