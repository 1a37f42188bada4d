using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

public sealed partial class AgentService
{
    /// <summary>
    /// How often the agent's queues are read for <see cref="V1.QueueCounts"/>; also the rate limit: at most one
    /// counts event per interval, and only when something changed.
    /// </summary>
    public static readonly TimeSpan QueueCountsInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Live counts of the agent's queues: one event as soon as the stream opens (when the agent has queues), then one
    /// whenever waiting callers, the first caller's place, or ready/signed-in agents changed. The longest wait is
    /// computed from the first caller's place at send time; it alone growing does not cause an event.
    /// </summary>
    private async Task PumpQueueCountsAsync(string agentId, ChannelWriter<V1.AgentEvent> writer, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueStatus>? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var status = await acd.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false);
                if (status is not null && status.Agent.Queues.Count > 0)
                {
                    var current = new List<QueueStatus>(status.Agent.Queues.Count);
                    foreach (var queue in status.Agent.Queues)
                    {
                        current.Add(await acd.GetQueueStatusAsync(queue, cancellationToken).ConfigureAwait(false));
                    }

                    if (last is null || !last.SequenceEqual(current))
                    {
                        last = current;
                        await writer.WriteAsync(ToQueueCounts(current, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (StoreUnavailableException)
            {
                // Redis is away for a moment: the counts resume when it is back; the stream stays open.
            }

            await Task.Delay(QueueCountsInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The contract event for the given queue snapshots at <paramref name="now"/>.</summary>
    internal static V1.AgentEvent ToQueueCounts(IEnumerable<QueueStatus> queues, DateTimeOffset now)
    {
        var counts = new V1.QueueCounts();
        foreach (var q in queues)
        {
            var longest = q.OldestPlace is { } place && now > place ? now - place : TimeSpan.Zero;
            counts.Queues.Add(new V1.QueueCount
            {
                Queue = q.Queue,
                Waiting = q.Waiting,
                LongestWait = Duration.FromTimeSpan(longest),
                AgentsReady = q.AgentsReady,
                AgentsSignedIn = q.AgentsLoggedIn,
            });
        }

        return new V1.AgentEvent { At = Timestamp.FromDateTimeOffset(now), QueueCounts = counts };
    }
}
