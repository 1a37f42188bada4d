using Grpc.Core;
using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Agents;

/// <summary>The agent's event stream over a real ACD on a real redis-server: call ids, paused sign-in, live queue counts.</summary>
public sealed class AgentEventStreamTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Anna = ApiTestHost.Bearer(TestTokens.AnnaKey);
    private ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov", WrapUpTime = TimeSpan.FromSeconds(30) }).DefaultTimeout();
        await _host.AddAgentAsync("anna", ["bygglov"], ["sv"]).DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Events_CallEndsIntoWrapUp_CallEndedAndWrapUpStartedCarryTheCallId()
    {
        // Regression: both reached the stream with call_id "" (the ACD's state message had no call).
        await SignInAsync(paused: false).DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var stream = _host.AgentClient.Events(new EventsRequest(), Anna, cancellationToken: cts.Token);
        await NextOfKindAsync(stream, AgentEvent.EventOneofCase.StateChanged).DefaultTimeout();
        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-7", "bygglov", [], "sv", 0, "+46701234567")).DefaultTimeout();
        await NextOfKindAsync(stream, AgentEvent.EventOneofCase.Offer).DefaultTimeout();
        await _host.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { CallId = "call-7" }, Anna).ResponseAsync.DefaultTimeout();
        await _host.Acd.CallAnsweredAsync("call-7").DefaultTimeout();

        await _host.Acd.CallEndedAsync("call-7").DefaultTimeout();

        var ended = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.CallEnded).DefaultTimeout();
        var wrapUp = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.WrapUpStarted).DefaultTimeout();
        Assert.Equal("call-7", ended.CallEnded.CallId);
        Assert.Equal("call-7", wrapUp.WrapUpStarted.CallId);
    }

    [Fact]
    public async Task SignIn_StartPaused_StreamGoesStraightToPausedNeverReady()
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var stream = _host.AgentClient.Events(new EventsRequest(), Anna, cancellationToken: cts.Token);
        var snapshot = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.StateChanged).DefaultTimeout();
        Assert.Equal(Agent.V1.AgentState.SignedOut, snapshot.StateChanged.State);

        var response = await SignInAsync(paused: true).DefaultTimeout();
        Assert.Equal(Agent.V1.AgentState.Paused, response.Status.State);

        // Every state the stream reports after sign-in up to the pause: none may be Ready.
        var seen = new List<Agent.V1.AgentState>();
        while (true)
        {
            var next = await NextOfKindAsync(stream, AgentEvent.EventOneofCase.StateChanged).DefaultTimeout();
            seen.Add(next.StateChanged.State);
            if (next.StateChanged.State == Agent.V1.AgentState.Paused)
            {
                Assert.Equal(Agent.V1.PauseReason.Meeting, next.StateChanged.PauseReason);
                break;
            }
        }

        Assert.DoesNotContain(Agent.V1.AgentState.Ready, seen);
    }

    [Fact]
    public async Task Events_QueueCounts_SentOnSubscribeAndWhenACallerStartsWaiting()
    {
        await SignInAsync(paused: true).DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        using var stream = _host.AgentClient.Events(new EventsRequest(), Anna, cancellationToken: cts.Token);

        var initial = (await NextOfKindAsync(stream, AgentEvent.EventOneofCase.QueueCounts).DefaultTimeout()).QueueCounts;
        var empty = Assert.Single(initial.Queues);
        Assert.Equal("bygglov", empty.Queue);
        Assert.Equal(0, empty.Waiting);
        Assert.Equal(1, empty.AgentsSignedIn);
        Assert.Equal(0, empty.AgentsReady);

        await _host.Acd.EnqueueAsync(new EnqueueRequest("call-8", "bygglov", [], "sv", 0, "+46702222222")).DefaultTimeout();
        _host.Time.Advance(TimeSpan.FromSeconds(5));

        // The stream reads the queues every QueueCountsInterval of the (fake) clock: advance it until the change shows.
        var changed = NextOfKindAsync(stream, AgentEvent.EventOneofCase.QueueCounts);
        await Eventually.UntilAsync(() =>
        {
            if (!changed.IsCompleted)
            {
                _host.Time.Advance(Api.Agents.AgentService.QueueCountsInterval);
            }

            return changed.IsCompleted;
        }, "queue counts showing the new caller");

        var counts = Assert.Single((await changed.DefaultTimeout()).QueueCounts.Queues);
        Assert.Equal(1, counts.Waiting);
        Assert.True(counts.LongestWait.ToTimeSpan() >= TimeSpan.FromSeconds(5), $"longest wait {counts.LongestWait.ToTimeSpan()}");
    }

    private Task<SignInResponse> SignInAsync(bool paused) =>
        _host.AgentClient.SignInAsync(
            new SignInRequest
            {
                StartPaused = paused,
                PauseReason = paused ? Agent.V1.PauseReason.Meeting : Agent.V1.PauseReason.Unspecified,
            },
            Anna).ResponseAsync;

    private static async Task<AgentEvent> NextOfKindAsync(AsyncServerStreamingCall<AgentEvent> stream, AgentEvent.EventOneofCase kind)
    {
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (stream.ResponseStream.Current.EventCase == kind)
            {
                return stream.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException($"the stream ended before {kind}");
    }
}
