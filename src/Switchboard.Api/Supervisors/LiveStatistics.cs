using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;

namespace Switchboard.Api.Supervisors;

/// <summary>
/// Live queue figures kept incrementally from the ACD event stream: each call reads only the entries after the last one
/// read (XRANGE from the last id) and folds them into a <see cref="QueueSnapshotBuilder"/> (callers waiting) and a
/// <see cref="ReportCalculator"/> (today's answered, abandoned and service level, with the same definitions as the
/// reports). Agent counts are read live from the ACD. Thread-safe; one instance per node is shared by the wallboard,
/// <c>WatchQueues</c> and <c>WatchStatistics</c>.
/// </summary>
public sealed class LiveStatistics : IDisposable
{
    private const int PageSize = 1_000;

    private readonly AcdStore _acd;
    private readonly StatisticsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _zone;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly QueueSnapshotBuilder _waiting = new();
    private readonly ReportCalculator _today;
    private string? _lastId;

    public LiveStatistics(AcdStore acd, StatisticsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(acd);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _acd = acd;
        _options = options;
        _timeProvider = timeProvider;
        _zone = options.TimeZone;
        _today = new ReportCalculator(options);
    }

    /// <summary>Stream entries folded in since start (for tests and diagnostics).</summary>
    public long EventsRead { get; private set; }

    /// <summary>
    /// Reads the new stream entries and returns the figures of <paramref name="queues"/> (empty: every queue seen in the
    /// events or served by an agent), ordered by name.
    /// </summary>
    public async Task<LiveStatisticsSnapshot> GetAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var agents = await _acd.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow();
            var dayStart = ReportIntervals.Start(now, ReportGrouping.Day, _zone);
            _today.RemoveBucketsBefore(ReportIntervals.HourOf(dayStart));
            return new LiveStatisticsSnapshot(now, dayStart, _options.ServiceLevelThreshold, Figures(queues, agents, now, dayStart));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _acd.ReadEventsAsync(_lastId, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                _waiting.Add(e);
                _today.Add(e);
            }

            EventsRead += page.Count;
            if (page.Count > 0)
            {
                _lastId = page[^1].Id;
            }

            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    private List<LiveQueueFigures> Figures(IReadOnlyCollection<string> queues, IReadOnlyList<AgentStatus> agents, DateTimeOffset now, DateTimeOffset dayStart)
    {
        var reports = _today.QueueReports(ReportGrouping.Day).Where(r => r.Start == dayStart).ToDictionary(r => r.Queue, StringComparer.Ordinal);
        var waiting = _waiting.WaitingByQueue().ToDictionary(w => w.Queue, StringComparer.Ordinal);
        var names = new SortedSet<string>(queues, StringComparer.Ordinal);
        if (queues.Count == 0)
        {
            names.UnionWith(_waiting.SeenQueues);
            names.UnionWith(agents.SelectMany(a => a.Agent.Queues));
            names.UnionWith(reports.Keys.Where(q => q.Length > 0));
        }

        var result = new List<LiveQueueFigures>(names.Count);
        foreach (var queue in names)
        {
            var members = agents.Where(a => a.Agent.Queues.Contains(queue, StringComparer.Ordinal)).ToList();
            var report = reports.GetValueOrDefault(queue);
            var (count, oldest) = waiting.TryGetValue(queue, out var w) ? (w.Waiting, w.Oldest) : (0, now);
            result.Add(new LiveQueueFigures(
                queue,
                count,
                now > oldest ? now - oldest : TimeSpan.Zero,
                members.Count(a => a.State == AgentState.Ready),
                members.Count(a => a.State is AgentState.Reserved or AgentState.OnCall),
                members.Count(a => a.State == AgentState.WrapUp),
                members.Count(a => a.State == AgentState.Paused),
                report?.Answered ?? 0,
                report?.Abandoned ?? 0,
                report?.ShortAbandoned ?? 0,
                report?.ServiceLevel));
        }

        return result;
    }
}
