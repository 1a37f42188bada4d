using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Agents;
using AgentState = Switchboard.Acd.Agents.AgentState;
using Switchboard.Acd.Events;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>
/// Builds live queue counts (pure): waiting callers from today's ACD events (enqueued minus answered, abandoned,
/// lost; escalations move a caller), agent counts from agent statuses.
/// </summary>
public static class QueueSnapshotBuilder
{
    /// <summary>One status per queue in <paramref name="queues"/> (empty: every queue seen).</summary>
    public static IReadOnlyList<QueueStatus> Build(
        IEnumerable<AcdEvent> events, IEnumerable<AgentStatus> agents, IReadOnlyCollection<string> queues, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(queues);
        var waiting = new Dictionary<string, (string Queue, DateTimeOffset Since)>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<string, QueueStatus>(StringComparer.Ordinal);
        QueueStatus Of(string queue)
        {
            if (!statuses.TryGetValue(queue, out var status))
            {
                statuses[queue] = status = new QueueStatus { Queue = queue, LongestWait = new Duration() };
            }

            return status;
        }

        foreach (var e in events)
        {
            if (e.CallId is null)
            {
                continue;
            }

            switch (e.Type)
            {
                case AcdEventType.Enqueued when e.Queue is not null:
                    waiting[e.CallId] = (e.Queue, e.At);
                    Of(e.Queue);
                    break;
                case AcdEventType.Escalated when e.Queue is not null && waiting.TryGetValue(e.CallId, out var w):
                    waiting[e.CallId] = (e.Queue, w.Since);
                    break;
                case AcdEventType.Answered:
                    waiting.Remove(e.CallId);
                    if (e.Queue is not null)
                    {
                        Of(e.Queue).AnsweredToday++;
                    }

                    break;
                case AcdEventType.Abandoned:
                    waiting.Remove(e.CallId);
                    if (e.Queue is not null)
                    {
                        Of(e.Queue).AbandonedToday++;
                    }

                    break;
                case AcdEventType.Ended or AcdEventType.NodeLost:
                    waiting.Remove(e.CallId);
                    break;
                default:
                    break;
            }
        }

        foreach (var (queue, since) in waiting.Values)
        {
            var status = Of(queue);
            status.Waiting++;
            var wait = now > since ? now - since : TimeSpan.Zero;
            if (wait > status.LongestWait.ToTimeSpan())
            {
                status.LongestWait = Duration.FromTimeSpan(wait);
            }
        }

        foreach (var agent in agents)
        {
            foreach (var queue in agent.Agent.Queues)
            {
                var status = Of(queue);
                switch (agent.State)
                {
                    case AgentState.Ready:
                        status.AgentsReady++;
                        break;
                    case AgentState.Paused:
                        status.AgentsPaused++;
                        break;
                    case AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp:
                        status.AgentsBusy++;
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var queue in queues)
        {
            Of(queue);
        }

        return [.. statuses.Values.Where(s => queues.Count == 0 || queues.Contains(s.Queue))];
    }
}
