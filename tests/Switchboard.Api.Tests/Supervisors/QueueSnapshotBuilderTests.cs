using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Api.Supervisors;

namespace Switchboard.Api.Tests.Supervisors;

public sealed class QueueSnapshotBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_EnqueuedAnsweredAbandonedEscalated_CountsWaitingAndToday()
    {
        AcdEvent[] events =
        [
            Event(AcdEventType.Enqueued, "a", "bygg", 0),
            Event(AcdEventType.Enqueued, "b", "bygg", 10),
            Event(AcdEventType.Enqueued, "c", "bygg", 20),
            Event(AcdEventType.Answered, "a", "bygg", 30),
            Event(AcdEventType.Abandoned, "b", "bygg", 40),
            Event(AcdEventType.Escalated, "c", "social", 50),
        ];
        AgentStatus[] agents =
        [
            Status("anna", AgentState.Ready, "bygg"),
            Status("bo", AgentState.OnCall, "bygg"),
            Status("cia", AgentState.Paused, "social"),
        ];

        var result = QueueSnapshotBuilder.Build(events, agents, [], T0.AddSeconds(80));

        var bygg = Assert.Single(result, q => q.Queue == "bygg");
        var social = Assert.Single(result, q => q.Queue == "social");
        Assert.Equal(0, bygg.Waiting);
        Assert.Equal(1, bygg.AnsweredToday);
        Assert.Equal(1, bygg.AbandonedToday);
        Assert.Equal(1, bygg.AgentsReady);
        Assert.Equal(1, bygg.AgentsBusy);
        Assert.Equal(1, social.Waiting);
        Assert.Equal(TimeSpan.FromSeconds(60), social.LongestWait.ToTimeSpan());
        Assert.Equal(1, social.AgentsPaused);
    }

    [Fact]
    public void Build_FilteredQueueWithNoActivity_ReturnsZeroRow()
    {
        var result = QueueSnapshotBuilder.Build([], [], ["ekonomi"], T0);

        var row = Assert.Single(result);
        Assert.Equal("ekonomi", row.Queue);
        Assert.Equal(0, row.Waiting);
    }

    private static AcdEvent Event(AcdEventType type, string call, string queue, int seconds) =>
        new($"{seconds}-0", type, T0.AddSeconds(seconds), call, queue, null, new Dictionary<string, string>());

    private static AgentStatus Status(string id, AgentState state, string queue) =>
        new(new Acd.Agents.Agent(id, id, [], ["sv"], $"sip:{id}@127.0.0.1", [queue]), state, PauseReason.None, T0, null, 0);
}
