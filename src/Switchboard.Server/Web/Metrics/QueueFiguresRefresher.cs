using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Store;
using Switchboard.Api.Supervisors;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// Reads the cluster's queue and agent figures from Redis (first at start, then every
/// <see cref="MetricsOptions.RefreshInterval"/> while somebody scrapes) and publishes the last reading as observable
/// gauges on the meter <see cref="SwitchboardMeters.Acd"/>. A scrape never reads Redis nor waits for it: <c>/metrics</c>
/// calls <see cref="Scraped"/>, which only notes the time and wakes the background reader if it sleeps, and serves the
/// last reading. The reader keeps reading every interval while the last scrape is younger than <see cref="WatchWindow"/>
/// and sleeps without any timer when nobody scrapes (an idle, unwatched node makes no Redis call for its metrics). A
/// reading that fails (Redis down) is logged and the last one kept.
/// </summary>
public sealed class QueueFiguresRefresher : IHostedService, IDisposable
{
    /// <summary>How long after the last scrape the figures are still read every interval.</summary>
    public static readonly TimeSpan MinimumWatchWindow = TimeSpan.FromMinutes(2);

    private readonly AcdStore _acd;
    private readonly LiveStatistics _live;
    private readonly DialplanRegistry _dialplans;
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private QueueFigures? _current;
    private long _readings;
    private long _lastScrape;
    private Task? _loop;

    public QueueFiguresRefresher(AcdStore acd, LiveStatistics live, DialplanRegistry dialplans, IConnectionMultiplexer redis, IOptions<MetricsOptions> options,
        TimeProvider timeProvider, IMeterFactory meterFactory, ILogger<QueueFiguresRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _acd = acd;
        _live = live;
        _dialplans = dialplans;
        _redis = redis;
        _timeProvider = timeProvider;
        _interval = options.Value.RefreshInterval;
        _logger = logger;
        Publish(meterFactory.Create(SwitchboardMeters.Acd));
    }

    /// <summary>How long after the last scrape the reader goes on: three intervals, at least two minutes (a scraper's own interval).</summary>
    public TimeSpan WatchWindow => _interval * 3 > MinimumWatchWindow ? _interval * 3 : MinimumWatchWindow;

    /// <summary>The last reading; null before the first one succeeded.</summary>
    public QueueFigures? Current => Volatile.Read(ref _current);

    /// <summary>Readings that succeeded since start.</summary>
    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Takes the first reading before the node serves, then starts the background reader.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => ReadWhileWatchedAsync(_stop.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Called by a scrape: notes that somebody watches (the reader goes on reading every interval) and wakes the reader
    /// if it sleeps. Returns at once; the scrape serves <see cref="Current"/>.
    /// </summary>
    public void Scraped()
    {
        Volatile.Write(ref _lastScrape, _timeProvider.GetTimestamp());
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release(); // at most one wake-up pending; the reader checks the time again when it wakes
            }
            catch (SemaphoreFullException)
            {
                // Another scrape woke it first.
            }
        }
    }

    private async Task ReadWhileWatchedAsync(CancellationToken stop)
    {
        var lastReading = _timeProvider.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var lastScrape = Volatile.Read(ref _lastScrape);
                if (lastScrape == 0 || _timeProvider.GetElapsedTime(lastScrape) >= WatchWindow)
                {
                    // Nobody watches: sleep until a scrape (no timer, no Redis call). A scrape between the check and
                    // here left the semaphore released, so this returns at once.
                    await _wake.WaitAsync(stop).ConfigureAwait(false);
                    continue;
                }

                var due = _interval - _timeProvider.GetElapsedTime(lastReading);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, _timeProvider, stop).ConfigureAwait(false);
                }

                lastReading = _timeProvider.GetTimestamp();
                await RefreshAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>Reads the figures now; a failure is logged and the previous reading kept.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var queues = _dialplans.Current.Queues.Keys.Order(StringComparer.Ordinal).ToList();
            var started = _timeProvider.GetTimestamp();
            await _redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var ping = _timeProvider.GetElapsedTime(started);
            var live = await _live.GetAsync(queues, cancellationToken).ConfigureAwait(false);
            var waiting = new List<KeyValuePair<string, int>>(queues.Count);
            foreach (var queue in queues)
            {
                waiting.Add(new(queue, (await _acd.GetQueueStatusAsync(queue, cancellationToken).ConfigureAwait(false)).Waiting));
            }

            var agents = await _acd.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
            var byState = Enum.GetValues<AgentState>().Select(state => new KeyValuePair<AgentState, int>(state, agents.Count(a => a.State == state))).ToList();
            Volatile.Write(ref _current, new QueueFigures(live, waiting, byState, ping));
            Interlocked.Increment(ref _readings);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MetricsLog.RefreshFailed(_logger, error);
        }
    }

    private void Publish(Meter meter)
    {
        meter.CreateObservableGauge("switchboard.queue.waiting", () => Each(f => f.Waiting.Select(w => Measure(w.Value, "queue", w.Key))), "{call}",
            "Calls in the queue not yet offered to an agent (ACD queue length).");
        Live("switchboard.queue.callers_waiting", null, "Callers waiting in the queue, offered or not (as on the wallboard).", q => q.Waiting);
        Live("switchboard.queue.longest_wait", "s", "Wait of the caller waiting longest.", q => q.LongestWait.TotalSeconds);
        meter.CreateObservableGauge("switchboard.queue.agents", () => Each(f => f.Live.Queues.SelectMany(q => new[]
        {
            Measure(q.AgentsReady, "queue", q.Queue, "ready"),
            Measure(q.AgentsOnCall, "queue", q.Queue, "on_call"),
            Measure(q.AgentsWrapUp, "queue", q.Queue, "wrap_up"),
            Measure(q.AgentsPaused, "queue", q.Queue, "paused"),
        })), "{agent}", "Member agents per queue and state (on_call includes reserved).");
        Live("switchboard.queue.answered_today", null, "Calls that arrived today (local day) and were answered.", q => q.AnsweredToday);
        Live("switchboard.queue.abandoned_today", null, "Calls that arrived today and were abandoned, short abandons excluded.", q => q.AbandonedToday);
        Live("switchboard.queue.short_abandoned_today", null, "Calls that arrived today and were abandoned under the short-abandon threshold.", q => q.ShortAbandonedToday);
        meter.CreateObservableGauge("switchboard.queue.service_level_today", () => Each(f => f.Live.Queues
                .Where(q => q.ServiceLevelToday is not null)
                .Select(q => Measure(q.ServiceLevelToday!.Value, "queue", q.Queue))),
            null, "Answered within the service-level threshold / answered, today (absent before the first answer).");
        meter.CreateObservableGauge("switchboard.agents", () => Each(f => f.Agents.Select(a => Measure(a.Value, "state", a.Key.ToString()))), "{agent}",
            "Agents per state (all queues).");
        meter.CreateObservableGauge("switchboard.redis.ping", () => Each(f => [new Measurement<double>(f.RedisPing.TotalSeconds)]), "s",
            "Round trip of a Redis PING from this node, measured with the last reading of the queue figures.");

        void Live(string name, string? unit, string description, Func<LiveQueueFigures, double> value) =>
            meter.CreateObservableGauge(name, () => Each(f => f.Live.Queues.Select(q => Measure(value(q), "queue", q.Queue))), unit, description);
    }

    private IEnumerable<Measurement<double>> Each(Func<QueueFigures, IEnumerable<Measurement<double>>> select) =>
        Current is { } figures ? select(figures) : [];

    private static Measurement<double> Measure(double value, string label, string labelValue, string? state = null) =>
        state is null
            ? new Measurement<double>(value, new KeyValuePair<string, object?>(label, labelValue))
            : new Measurement<double>(value, new KeyValuePair<string, object?>(label, labelValue), new KeyValuePair<string, object?>("state", state));
}
