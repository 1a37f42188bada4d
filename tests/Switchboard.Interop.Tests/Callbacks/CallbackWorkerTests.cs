using Microsoft.Extensions.Time.Testing;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Server.Callbacks;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Callbacks;

/// <summary>
/// The worker's decisions on a real redis-server with a fake clock (retry schedule, toll-fraud guard, attempt
/// timeout). The dialler here is scripted to isolate those decisions; the real <see cref="SipCallbackDialler"/> with
/// baresip and SIPp is tested end to end in <see cref="CallbackDiallingTests"/>.
/// </summary>
public sealed class CallbackWorkerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TrunkOptions Trunk = new() { Uri = "sip:127.0.0.1:5099", CallerId = "+46101234567" };

    [Fact]
    public async Task HandleAcceptedAsync_NoAnswerEveryTime_RetriedOnScheduleThenUnreachable()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "n1", ResilienceTimeProvider = TimeProvider.System }, time);
        var callbacks = new CallbackStore(redis.Connection, acd, new CallbackOptions(), time);
        var dialler = new ScriptedDialler(CallbackOutcome.NoAnswer);
        var worker = new CallbackWorker(callbacks, acd, dialler, Trunk, time);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        await acd.RegisterAgentAsync(new Agent("a1", "A", [], ["sv"], "sip:a1@127.0.0.1", ["bsu"])).DefaultTimeout();
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "070-123 45 67")).DefaultTimeout()).CallbackId!;

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(AcdCommandResult.Ok, await acd.ReadyAsync("a1").DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd.AcceptAsync("a1", id).DefaultTimeout());
            Assert.Equal(CallbackOutcome.NoAnswer, await worker.HandleAcceptedAsync(id, "a1").DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd.PauseAsync("a1", PauseReason.Meeting).DefaultTimeout());
            time.Advance(TimeSpan.FromMinutes(10));
            await callbacks.SweepAsync().DefaultTimeout();
        }

        var closed = await callbacks.GetAsync(id).DefaultTimeout();
        Assert.Equal(CallbackOutcome.Unreachable, closed!.Outcome);
        Assert.Equal(3, dialler.Requests.Count);
        Assert.All(dialler.Requests, r => Assert.Equal("+46701234567", r.Number));
        Assert.Equal("sip:a1@127.0.0.1", dialler.Requests[0].AgentPhoneUser);
    }

    [Fact]
    public async Task HandleAcceptedAsync_Answered_ClosesAndMarksCallAnswered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "n1", ResilienceTimeProvider = TimeProvider.System }, time);
        var callbacks = new CallbackStore(redis.Connection, acd, new CallbackOptions(), time);
        var worker = new CallbackWorker(callbacks, acd, new ScriptedDialler(CallbackOutcome.Answered), Trunk, time);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        await acd.RegisterAgentAsync(new Agent("a1", "A", [], ["sv"], "sip:a1@127.0.0.1", ["bsu"])).DefaultTimeout();
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;
        Assert.Equal(AcdCommandResult.Ok, await acd.ReadyAsync("a1").DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await acd.AcceptAsync("a1", id).DefaultTimeout());

        Assert.Equal(CallbackOutcome.Answered, await worker.HandleAcceptedAsync(id, "a1").DefaultTimeout());

        Assert.Equal(CallbackOutcome.Answered, (await callbacks.GetAsync(id).DefaultTimeout())!.Outcome);
        Assert.Equal(QueueEntryState.Answered, (await acd.GetEntryAsync(id).DefaultTimeout())!.State);
    }

    [Fact]
    public async Task HandleAcceptedAsync_PremiumNumberInRedis_NeverDialled()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "n1", ResilienceTimeProvider = TimeProvider.System }, time);
        var callbacks = new CallbackStore(redis.Connection, acd, new CallbackOptions(), time);
        var dialler = new ScriptedDialler(CallbackOutcome.Answered);
        var worker = new CallbackWorker(callbacks, acd, dialler, Trunk, time);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;

        // Tampered storage: the guard at dialling time must still refuse.
        await redis.Connection.GetDatabase().HashSetAsync(acd.KeyPrefix + "cb:" + id, "number", "+46900123456").DefaultTimeout();

        Assert.Equal(CallbackOutcome.Failed, await worker.HandleAcceptedAsync(id, "a1").DefaultTimeout());
        Assert.Empty(dialler.Requests);
        Assert.Equal(CallbackState.Closed, (await callbacks.GetAsync(id).DefaultTimeout())!.State);
    }

    [Fact]
    public async Task HandleAcceptedAsync_DiallerHangs_TimesOutAsNoAnswer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "n1", ResilienceTimeProvider = TimeProvider.System }, time);
        var callbacks = new CallbackStore(redis.Connection, acd, new CallbackOptions(), time);
        var dialler = new ScriptedDialler(null);
        var worker = new CallbackWorker(callbacks, acd, dialler, Trunk, time);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;

        var task = worker.HandleAcceptedAsync(id, "a1");
        await dialler.Started.Task.DefaultTimeout();
        time.Advance(Trunk.AttemptTimeout);

        Assert.Equal(CallbackOutcome.NoAnswer, await task.DefaultTimeout());
        Assert.Equal(CallbackState.RetryWaiting, (await callbacks.GetAsync(id).DefaultTimeout())!.State);
    }

    private sealed class ScriptedDialler(CallbackOutcome? outcome) : ICallbackDialler
    {
        public List<CallbackDialRequest> Requests { get; } = [];

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Started.TrySetResult();
            if (outcome is { } o)
            {
                return new CallbackDialResult(o);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new CallbackDialResult(CallbackOutcome.Failed);
        }
    }
}
