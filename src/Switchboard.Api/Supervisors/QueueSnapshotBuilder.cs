using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Agents;
using AgentState = Switchboard.Acd.Agents.AgentState;
using Switchboard.Acd.Events;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>
/// Live queue counts, built incrementally: feed ACD events in stream order with <see cref="Add"/> (callers waiting =
/// enqueued minus answered, abandoned, ended, lost; escalations move a caller; a transfer back into a queue makes an answered caller wait again, at the original place; callback
/// requests are not callers on the line and are left out), then <see cref="Build(IEnumerable{AgentStatus}, IReadOnlyCollection{string}, DateTimeOffset)"/>
/// with the agents' statuses. Answered/abandoned counts are every such event fed in (the caller decides the period).
/// </summary>
public sealed class QueueSnapshotBuilder
{
    private readonly Dictionary<string, (string Queue, DateTimeOffset Since)> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Answered, int Abandoned)> _counts = new(StringComparer.Ordinal);

    /// <summary>Callers waiting now per queue with the longest wait, as of the events fed in.</summary>
    public IEnumerable<(string Queue, int Waiting, DateTimeOffset Oldest)> WaitingByQueue(IReadOnlyCollection<string>? queues = null) =>
        _waiting.Values
            .Where(w => queues is null || queues.Count == 0 || queues.Contains(w.Queue))
            .GroupBy(w => w.Queue, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Min(w => w.Since)));

    /// <summary>Queues seen in the events fed in.</summary>
    public IEnumerable<string> SeenQueues => _counts.Keys;

    /// <summary>One status per queue in <paramref name="queues"/> (empty: every queue seen) from a whole sequence of events.</summary>
    public static IReadOnlyList<QueueStatus> Build(
        IEnumerable<AcdEvent> events, IEnumerable<AgentStatus> agents, IReadOnlyCollection<string> queues, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new QueueSnapshotBuilder();
        foreach (var e in events)
        {
            builder.Add(e);
        }

        return builder.Build(agents, queues, now);
    }

    /// <summary>Folds one event in (stream order). Events without a call id are ignored.</summary>
    public void Add(AcdEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.CallId is null)
        {
            return;
        }

        switch (e.Type)
        {
            case AcdEventType.Enqueued when e.Queue is not null:
                if (!string.Equals(e.Fields.GetValueOrDefault("kind"), "Callback", StringComparison.OrdinalIgnoreCase))
                {
                    _waiting[e.CallId] = (e.Queue, Place(e));
                }

                Count(e.Queue);
                break;
            case AcdEventType.Escalated when e.Queue is not null && _waiting.TryGetValue(e.CallId, out var w):
                _waiting[e.CallId] = (e.Queue, w.Since);
                Count(e.Queue);
                break;
            case AcdEventType.TransferredToQueue when e.Queue is not null:
            case AcdEventType.TransferNotAnswered when e.Queue is not null && string.Equals(e.Fields.GetValueOrDefault("returned_to"), "queue", StringComparison.OrdinalIgnoreCase):
                // Back in a queue at the original place (the answered call waits again).
                _waiting[e.CallId] = (e.Queue, Place(e));
                Count(e.Queue);
                break;
            case AcdEventType.Answered:
                _waiting.Remove(e.CallId);
                if (e.Queue is not null)
                {
                    var c = Count(e.Queue);
                    _counts[e.Queue] = (c.Answered + 1, c.Abandoned);
                }

                break;
            case AcdEventType.Abandoned:
                _waiting.Remove(e.CallId);
                if (e.Queue is not null)
                {
                    var c = Count(e.Queue);
                    _counts[e.Queue] = (c.Answered, c.Abandoned + 1);
                }

                break;
            case AcdEventType.Ended or AcdEventType.NodeLost:
                _waiting.Remove(e.CallId);
                break;
            default:
                break;
        }
    }

    /// <summary>Forgets the answered/abandoned counts (e.g. at local midnight); callers waiting stay.</summary>
    public void ResetCounts()
    {
        foreach (var queue in _counts.Keys.ToList())
        {
            _counts[queue] = (0, 0);
        }
    }

    /// <summary>One status per queue in <paramref name="queues"/> (empty: every queue seen or served).</summary>
    public IReadOnlyList<QueueStatus> Build(IEnumerable<AgentStatus> agents, IReadOnlyCollection<string> queues, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(queues);
        var statuses = new SortedDictionary<string, QueueStatus>(StringComparer.Ordinal);
        QueueStatus Of(string queue)
        {
            if (!statuses.TryGetValue(queue, out var status))
            {
                var (answered, abandoned) = _counts.GetValueOrDefault(queue);
                statuses[queue] = status = new QueueStatus { Queue = queue, LongestWait = new Duration(), AnsweredToday = answered, AbandonedToday = abandoned };
            }

            return status;
        }

        foreach (var queue in _counts.Keys)
        {
            Of(queue);
        }

        foreach (var (queue, since) in _waiting.Values)
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

    /// <summary>The caller's place in the queue (field <c>place</c>, unix ms), else the event's time.</summary>
    private static DateTimeOffset Place(AcdEvent e) =>
        long.TryParse(e.Fields.GetValueOrDefault("place"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var place) && place > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(place)
            : e.At;

    private (int Answered, int Abandoned) Count(string queue)
    {
        if (!_counts.TryGetValue(queue, out var c))
        {
            _counts[queue] = c = (0, 0);
        }

        return c;
    }
}
