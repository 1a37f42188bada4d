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
/// Durability: 20 pending callbacks survive a SIGKILL of the Switchboard process and a SIGKILL + restart of Redis
/// (AOF), and the restarted server works them in their original order (each offered, accepted, the agent's phone
/// rung and the citizen dialled through the trunk, where a SIPp citizen is busy).
/// </summary>
[Collection(TransferCollection.Name)]
public sealed class CallbackCrashTests
{
    private const int Count = 20;

    private static readonly string BusyCitizen = SippScenarios.Rejecting("486 Busy Here", "citizen busy");

    [Fact]
    public async Task TwentyPendingCallbacks_ServerSigkilledAndRedisRestarted_AllKeptAndWorkedInOriginalOrder()
    {
        await using var redisServer = await RedisServer.StartAsync().DefaultTimeout();
        await using var citizen = SippRunner.Start(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(BusyCitizen, "busy"),
            Calls = Count,
            Timeout = TimeSpan.FromSeconds(240),
        });
        await citizen.WaitUntilListeningAsync().DefaultTimeout();
        await using var harness = await CallFlowHarness.StartAsync(redisServer: redisServer, settings: CallbackDiallingTests.Trunk(citizen.LocalPort));
        await harness.SignInAsync(paused: true);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.Configuration).DefaultTimeout();
        var callbacks = new CallbackStore(redis, harness.Acd, new CallbackOptions(), TimeProvider.System);
        var ids = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var result = await callbacks.RequestAsync(new CallbackRequest("bsu", $"07012345{i:00}")).DefaultTimeout();
            Assert.Equal(CallbackRequestOutcome.Created, result.Outcome);
            ids.Add(result.CallbackId!);
        }

        // Crash: the server without any shutdown, then Redis (what it acknowledged is in the AOF).
        harness.Server.Kill();
        redisServer.Kill();
        await redisServer.RestartAsync().DefaultTimeout();
        await WaitConnectedAsync(redis).DefaultTimeout();

        var kept = await callbacks.ListOpenAsync("bsu").DefaultTimeout();
        Assert.Equal(ids.Order(StringComparer.Ordinal), kept.Select(c => c.Id).Order(StringComparer.Ordinal)); // requested within the same ms: the list's tie order is not the queue's
        Assert.All(kept, c => Assert.Equal(CallbackState.Pending, c.State));
        var queued = await harness.Acd.GetQueueAsync("bsu").DefaultTimeout();
        Assert.NotNull(queued);

        // The same node comes back (same settings) and works them, oldest place first.
        await using var restarted = await SwitchboardProcess.StartAsync(harness.Server.Settings); // bounded by TestTimeouts.ProcessStart
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        using var events = harness.OpenEvents(stop.Token);
        await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.StateChanged, stop.Token).DefaultTimeout();
        await harness.Agent.SetStateAsync(new SetStateRequest { AgentId = CallFlowHarness.AgentId, State = AgentState.Ready }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        var offered = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var offer = (await CallFlowHarness.NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, stop.Token).WaitAsync(TimeSpan.FromSeconds(30))).Offer;
            offered.Add(offer.CallId);
            Assert.Equal(OfferKind.Callback, offer.Kind);
            await harness.Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        }

        Assert.Equal(ids, offered);
        var sipp = await citizen.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(sipp.Succeeded, sipp.ToString());
        var last = await harness.WaitForCallEventAsync(ids[^1], AcdEventType.CallbackAttemptFailed, TimeSpan.FromSeconds(20));
        Assert.Contains(last, e => e.Type == AcdEventType.CallbackAttemptFailed);
        foreach (var id in ids)
        {
            var worked = await callbacks.GetAsync(id).DefaultTimeout();
            Assert.Equal((CallbackState.RetryWaiting, CallbackOutcome.Busy, 1), (worked!.State, worked.Outcome, worked.Attempts));
        }
    }

    private static Task WaitConnectedAsync(ConnectionMultiplexer redis) =>
        Eventually.UntilAsync(async () =>
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return true;
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }, "the restarted Redis answers PING");
}
