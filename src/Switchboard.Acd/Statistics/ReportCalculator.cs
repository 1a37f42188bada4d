using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Statistics;

/// <summary>
/// Pure report computation from the ACD event stream (no I/O). Feed events in stream order with <see cref="Add"/>;
/// figures are kept per queue (or agent) and UTC hour and rolled up to local hour/day/week on request.
/// Definitions: docs/statistics.md.
/// </summary>
public sealed partial class ReportCalculator
{
    private static readonly int CounterCount = Enum.GetValues<ReportCounter>().Length;
    private static readonly int StateCount = Enum.GetValues<AgentState>().Length;

    private readonly StatisticsOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly byte[] _hashKey;
    private readonly long _slMs;
    private readonly long _shortMs;
    private readonly long _repeatMs;
    private readonly Dictionary<(string, long), long[]> _queues = [];
    private readonly Dictionary<(string, long), long[]> _agents = [];

    public ReportCalculator(StatisticsOptions? options = null, ReportCalculatorState? state = null)
    {
        _options = options ?? new StatisticsOptions();
        _zone = _options.TimeZone;
        _hashKey = Encoding.UTF8.GetBytes(_options.CallerHashKey);
        _slMs = (long)_options.ServiceLevelThreshold.TotalMilliseconds;
        _shortMs = (long)_options.ShortAbandonThreshold.TotalMilliseconds;
        _repeatMs = (long)_options.RepeatCallerWindow.TotalMilliseconds;
        State = state ?? new ReportCalculatorState();
    }

    /// <summary>The carried state (serialize it to resume later).</summary>
    public ReportCalculatorState State { get; }

    /// <summary>Hourly queue buckets (queue, unix hour) -> counters, folded in since creation or the last <see cref="ClearBuckets"/>.</summary>
    public IReadOnlyDictionary<(string Queue, long Hour), long[]> QueueBuckets => _queues;

    /// <summary>Hourly agent buckets (agent, unix hour) -> ms per <see cref="AgentState"/>.</summary>
    public IReadOnlyDictionary<(string Agent, long Hour), long[]> AgentBuckets => _agents;

    /// <summary>Computes queue reports for a sequence of events in one go.</summary>
    public static IReadOnlyList<QueueReport> Calculate(IEnumerable<AcdEvent> events, ReportGrouping grouping, StatisticsOptions? options = null)
    {
        var calculator = new ReportCalculator(options);
        foreach (var e in events)
        {
            calculator.Add(e);
        }

        return calculator.QueueReports(grouping);
    }

    public IReadOnlyList<QueueReport> QueueReports(ReportGrouping grouping) => ReportRollup.Queues(_queues, grouping, _zone);

    public IReadOnlyList<AgentReport> AgentReports(ReportGrouping grouping) => ReportRollup.Agents(_agents, grouping, _zone);

    /// <summary>Forgets the buckets (after they were saved) but keeps <see cref="State"/>.</summary>
    public void ClearBuckets()
    {
        _queues.Clear();
        _agents.Clear();
    }

    /// <summary>Forgets the buckets of UTC hours before <paramref name="hour"/> (unix hours); keeps <see cref="State"/>.</summary>
    public void RemoveBucketsBefore(long hour)
    {
        foreach (var key in _queues.Keys.Where(k => k.Item2 < hour).ToList())
        {
            _queues.Remove(key);
        }

        foreach (var key in _agents.Keys.Where(k => k.Item2 < hour).ToList())
        {
            _agents.Remove(key);
        }
    }

    /// <summary>Folds one event in. Unknown or incomplete events are ignored, never thrown on.</summary>
    public void Add(AcdEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Type)
        {
            case AcdEventType.Enqueued: OnEnqueued(e); break;
            case AcdEventType.Answered: OnAnswered(e); break;
            case AcdEventType.Abandoned: OnAbandoned(e); break;
            case AcdEventType.NodeLost: OnNodeLost(e); break;
            case AcdEventType.Ended: OnEnded(e); break;
            case AcdEventType.AgentStateChanged: OnAgentState(e); break;
            case AcdEventType.WrapUpEnded: OnWrapUpEnded(e); break;
            case AcdEventType.CallbackRequested: OnCallbackRequested(e); break;
            case AcdEventType.CallbackAnswered or AcdEventType.CallbackCompleted or AcdEventType.CallbackUnreachable
                or AcdEventType.CallbackCancelled or AcdEventType.CallbackExpired: OnCallbackClosed(e); break;
            case AcdEventType.TransferredToQueue: OnTransfer(e, ReportCounter.TransfersToQueue); break;
            case AcdEventType.TransferAnswered: OnTransfer(e, ReportCounter.TransfersAnswered); break;
            case AcdEventType.TransferNotAnswered: OnTransfer(e, ReportCounter.TransfersNotAnswered); break;
            default: break;
        }
    }

    private long[] Queue(string? queue, long hour)
    {
        var key = (queue ?? string.Empty, hour);
        if (!_queues.TryGetValue(key, out var counters))
        {
            _queues[key] = counters = new long[CounterCount];
        }

        return counters;
    }

    private long[] Agent(string agent, long hour)
    {
        var key = (agent, hour);
        if (!_agents.TryGetValue(key, out var ms))
        {
            _agents[key] = ms = new long[StateCount];
        }

        return ms;
    }

    private static long Number(AcdEvent e, string field) =>
        e.Fields.TryGetValue(field, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n) : 0;

    private static string? Text(AcdEvent e, string field) =>
        e.Fields.TryGetValue(field, out var text) && text.Length > 0 ? text : null;

    private string CallerHash(string caller)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(caller), mac);
        return Convert.ToBase64String(mac[..16]);
    }
}
