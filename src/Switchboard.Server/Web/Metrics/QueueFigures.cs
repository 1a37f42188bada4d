using Switchboard.Acd.Agents;
using Switchboard.Api.Supervisors;

namespace Switchboard.Server.Web.Metrics;

/// <summary>One reading of the cluster's queue and agent figures, as <c>/metrics</c> serves them until the next one.</summary>
/// <param name="Live">The wallboard's live figures per queue.</param>
/// <param name="Waiting">Calls not yet offered, per queue (the ACD queue length).</param>
/// <param name="Agents">Agents per state, all queues.</param>
/// <param name="RedisPing">The Redis round trip measured with this reading.</param>
public sealed record QueueFigures(
    LiveStatisticsSnapshot Live,
    IReadOnlyList<KeyValuePair<string, int>> Waiting,
    IReadOnlyList<KeyValuePair<AgentState, int>> Agents,
    TimeSpan RedisPing);
