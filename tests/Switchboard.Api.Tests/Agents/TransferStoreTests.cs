using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Agents;

/// <summary>
/// The ACD side of transfers that the agent API's Transfer RPC leads to (<c>AcdStore.Transfers</c>), on a real redis-server:
/// the caller keeps the original place in the target queue, the agent goes to wrap-up, the events are in the stream.
/// </summary>
public sealed class TransferStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private ApiTestHost _host = null!;

    private AcdStore Acd => _host.Acd;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();
        await Acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu", WrapUpTime = TimeSpan.FromSeconds(30) }).DefaultTimeout();
        await Acd.ConfigureQueueAsync(new QueueOptions { Name = "assf", WrapUpTime = TimeSpan.FromSeconds(30) }).DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TransferToQueue_AnsweredCall_AheadOfLaterCallerAndAgentInWrapUp()
    {
        var first = await AnsweredCallAsync("anna", "bsu", "call-a").DefaultTimeout();
        // A later caller already waits in the target queue (nobody there is ready).
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        await Acd.RegisterAgentAsync(new Acd.Agents.Agent("bo", "Bo", [], ["sv"], "sip:bo@127.0.0.1", ["assf"])).DefaultTimeout();
        await Acd.PauseAsync("bo", PauseReason.Meeting).DefaultTimeout();
        await Acd.EnqueueAsync(new EnqueueRequest("call-later", "assf", [], "sv", 0, "+46703333333")).DefaultTimeout();

        var result = await Acd.TransferToQueueAsync("call-a", "assf", []).DefaultTimeout();

        Assert.Equal(AcdCommandResult.Ok, result);
        var moved = await Acd.GetEntryAsync("call-a").DefaultTimeout();
        Assert.NotNull(moved);
        Assert.Equal("assf", moved.Queue);
        Assert.Equal(QueueEntryState.Waiting, moved.State);
        Assert.Equal(first.EnqueuedAt, moved.EnqueuedAt);
        Assert.Equal(1, (await Acd.GetPositionAsync("call-a").DefaultTimeout())!.Position);
        Assert.Equal(2, (await Acd.GetPositionAsync("call-later").DefaultTimeout())!.Position);
        Assert.Equal(AgentState.WrapUp, (await Acd.GetAgentAsync("anna").DefaultTimeout())!.State);

        // Bo gets ready: the transferred caller is offered first.
        await Acd.ReadyAsync("bo").DefaultTimeout();
        var bo = await Acd.GetAgentAsync("bo").DefaultTimeout();
        Assert.Equal("call-a", bo!.CallId);

        var transferred = (await Acd.ReadEventsAsync(null, 1000).DefaultTimeout()).Single(e => e.Type == AcdEventType.TransferredToQueue);
        Assert.Equal("call-a", transferred.CallId);
        Assert.Equal("anna", transferred.AgentId);
        Assert.Equal("assf", transferred.Queue);
        Assert.Equal("bsu", transferred.Fields["from_queue"]);
    }

    [Fact]
    public async Task TransferToQueue_UnknownQueueOrUnansweredCall_RefusedAndNothingMoves()
    {
        await AnsweredCallAsync("anna", "bsu", "call-b").DefaultTimeout();
        await Acd.EnqueueAsync(new EnqueueRequest("call-waiting", "bsu", [], "sv", 0, "+46704444444")).DefaultTimeout();

        Assert.Equal(AcdCommandResult.NotFound, await Acd.TransferToQueueAsync("call-b", "nosuchqueue", []).DefaultTimeout());
        Assert.Equal(AcdCommandResult.InvalidState, await Acd.TransferToQueueAsync("call-waiting", "assf", []).DefaultTimeout());
        Assert.Equal(AcdCommandResult.NotFound, await Acd.TransferToQueueAsync("call-gone", "assf", []).DefaultTimeout());
        Assert.Equal(QueueEntryState.Answered, (await Acd.GetEntryAsync("call-b").DefaultTimeout())!.State);
        Assert.Equal(AgentState.OnCall, (await Acd.GetAgentAsync("anna").DefaultTimeout())!.State);
    }

    [Fact]
    public async Task ReturnToQueue_ExternalTransferNotAnswered_BackInOwnQueueAtPlaceWithReturnedToQueue()
    {
        var entry = await AnsweredCallAsync("anna", "bsu", "call-c").DefaultTimeout();
        await Acd.AppendTransferEventAsync("transfer_started", [new("call", "call-c"), new("agent", "anna"), new("target", "+46812345678")]).DefaultTimeout();

        Assert.Equal(AcdCommandResult.Ok, await Acd.ReturnToQueueAsync("call-c", "+46812345678").DefaultTimeout());

        var back = await Acd.GetEntryAsync("call-c").DefaultTimeout();
        Assert.Equal("bsu", back!.Queue);
        Assert.Equal(entry.EnqueuedAt, back.EnqueuedAt);
        var events = await Acd.ReadEventsAsync(null, 1000).DefaultTimeout();
        Assert.Contains(events, e => e.Type == AcdEventType.TransferStarted && e.CallId == "call-c");
        var notAnswered = events.Single(e => e.Type == AcdEventType.TransferNotAnswered);
        Assert.Equal("queue", notAnswered.Fields["returned_to"]);
        Assert.Equal("+46812345678", notAnswered.Fields["target"]);
    }

    private async Task<QueueEntry> AnsweredCallAsync(string agentId, string queue, string callId)
    {
        await Acd.RegisterAgentAsync(new Acd.Agents.Agent(agentId, agentId, [], ["sv"], $"sip:{agentId}@127.0.0.1", [queue]));
        await Acd.ReadyAsync(agentId);
        await Acd.EnqueueAsync(new EnqueueRequest(callId, queue, [], "sv", 0, "+46701111111"));
        Assert.Equal(AcdCommandResult.Ok, await Acd.AcceptAsync(agentId, callId));
        Assert.Equal(AcdCommandResult.Ok, await Acd.CallAnsweredAsync(callId));
        return (await Acd.GetEntryAsync(callId))!;
    }
}
