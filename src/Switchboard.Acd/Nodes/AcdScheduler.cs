using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Nodes;

/// <summary>
/// One per node: heartbeats, fires due ACD timers (offer timeouts, wrap-up ends, escalations, language fallbacks) and
/// sweeps dead nodes, in one Redis round trip per round (<see cref="AcdStore.RunSchedulerRoundAsync"/>). Between rounds
/// it sleeps (a <see cref="TimeProvider"/> delay) until the earliest timer, an earlier timer's notice from any node
/// (<see cref="AcdStore.WatchTimersAsync"/>), or its safety tick (<see cref="AcdOptions.SchedulerInterval"/>, at most a
/// third of <see cref="AcdOptions.HeartbeatTtl"/>), whichever comes first: an idle node makes one round trip per tick.
/// Every node runs one; the scripts make that safe, so no timer depends on the node that armed it, and a lost notice
/// only delays a timer until some node's next tick.
/// </summary>
public sealed class AcdScheduler : IAsyncDisposable
{
    private readonly AcdStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _tick;
    private long _noticeDue = long.MaxValue;
    private long _rounds;
    private TaskCompletionSource _notice = NewSignal();
    private Task? _loop;

    public AcdScheduler(AcdStore store, TimeProvider timeProvider, ILogger<AcdScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var third = store.Options.HeartbeatTtl / 3;
        _tick = store.Options.SchedulerInterval < third ? store.Options.SchedulerInterval : third;
    }

    /// <summary>Longest time between two rounds.</summary>
    public TimeSpan SafetyTick => _tick;

    /// <summary>Rounds that succeeded since start (each one Redis round trip).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Starts the loop (idempotent).</summary>
    public void Start() => _loop ??= RunAsync(_stop.Token);

    /// <summary>One round: heartbeat, due timers, sweep. Errors are logged, never thrown; null when it failed.</summary>
    public async Task<SchedulerRound?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var round = await _store.RunSchedulerRoundAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _rounds);
            return round;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AcdLog.SchedulerFailed(_logger, ex);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnTimerArmed(DateTimeOffset due)
    {
        var ms = due.ToUnixTimeMilliseconds();
        var seen = Interlocked.Read(ref _noticeDue);
        while (ms < seen)
        {
            var previous = Interlocked.CompareExchange(ref _noticeDue, ms, seen);
            if (previous == seen)
            {
                Volatile.Read(ref _notice).TrySetResult();
                return;
            }

            seen = previous;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Timer notices first, so a timer armed after the first round still wakes this node; if Redis is down now, the
        // safety tick carries the loop and the watch is tried again after each round until it is in place.
        IAsyncDisposable? watch = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                watch ??= await WatchAsync(cancellationToken).ConfigureAwait(false);

                // Notices from before the round are covered by what the round reads; later ones lower the wake-up time.
                Interlocked.Exchange(ref _noticeDue, long.MaxValue);
                var round = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
                var wakeAt = _timeProvider.GetUtcNow() + _tick;
                if (round?.NextTimer is { } next && next < wakeAt)
                {
                    wakeAt = next;
                }

                await SleepUntilAsync(wakeAt, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (watch is not null)
            {
                await watch.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<IAsyncDisposable?> WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _store.WatchTimersAsync(OnTimerArmed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AcdLog.TimerWatchFailed(_logger, (long)_tick.TotalMilliseconds, ex);
            return null;
        }
    }

    /// <summary>Sleeps until <paramref name="wakeAt"/>, or earlier when a notice names an earlier timer.</summary>
    private async Task SleepUntilAsync(DateTimeOffset wakeAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _notice);
            var notice = Interlocked.Read(ref _noticeDue);
            if (notice != long.MaxValue && DateTimeOffset.FromUnixTimeMilliseconds(notice) < wakeAt)
            {
                wakeAt = DateTimeOffset.FromUnixTimeMilliseconds(notice);
            }

            var delay = wakeAt - _timeProvider.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sleep = Task.Delay(delay, _timeProvider, wake.Token);
            if (await Task.WhenAny(sleep, signal.Task).ConfigureAwait(false) == sleep)
            {
                await sleep.ConfigureAwait(false);
                return;
            }

            await wake.CancelAsync().ConfigureAwait(false);
            Interlocked.CompareExchange(ref _notice, NewSignal(), signal);
        }
    }
}
