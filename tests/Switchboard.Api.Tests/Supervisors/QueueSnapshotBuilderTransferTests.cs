using Switchboard.Acd.Events;
using Switchboard.Api.Supervisors;

namespace Switchboard.Api.Tests.Supervisors;

/// <summary>The incremental builder with transfers: an answered call put back into a queue waits again from its place.</summary>
public sealed class QueueSnapshotBuilderTransferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_TransferredToQueueAndReturnedFromExternal_WaitingAgainFromOriginalPlace()
    {
        var builder = new QueueSnapshotBuilder();
        builder.Add(Event(AcdEventType.Enqueued, "a", "bygg", 0, ("place", Ms(0))));
        builder.Add(Event(AcdEventType.Enqueued, "b", "bygg", 5, ("place", Ms(5))));
        builder.Add(Event(AcdEventType.Answered, "a", "bygg", 20));
        builder.Add(Event(AcdEventType.Answered, "b", "bygg", 25));
        Assert.Empty(builder.WaitingByQueue());

        builder.Add(Event(AcdEventType.TransferredToQueue, "a", "social", 100, ("place", Ms(0)), ("from_queue", "bygg")));
        builder.Add(Event(AcdEventType.TransferNotAnswered, "b", "bygg", 110, ("returned_to", "agent")));
        var social = Assert.Single(builder.Build([], ["social"], T0.AddSeconds(130)));
        Assert.Equal(1, social.Waiting);
        Assert.Equal(TimeSpan.FromSeconds(130), social.LongestWait.ToTimeSpan());
        Assert.Equal(0, Assert.Single(builder.Build([], ["bygg"], T0.AddSeconds(130))).Waiting);

        builder.Add(Event(AcdEventType.TransferNotAnswered, "b", "bygg", 140, ("returned_to", "queue"), ("place", Ms(5))));
        Assert.Equal(1, Assert.Single(builder.Build([], ["bygg"], T0.AddSeconds(150))).Waiting);

        builder.Add(Event(AcdEventType.Abandoned, "a", "social", 160));
        Assert.Equal(0, Assert.Single(builder.Build([], ["social"], T0.AddSeconds(170))).Waiting);
    }

    private static string Ms(int seconds) => T0.AddSeconds(seconds).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AcdEvent Event(AcdEventType type, string call, string queue, int seconds, params (string Name, string Value)[] fields) =>
        new($"{seconds}-0", type, T0.AddSeconds(seconds), call, queue, null, fields.ToDictionary(f => f.Name, f => f.Value));
}
