using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Nodes;

/// <summary>
/// One per node: every <see cref="AcdOptions.SchedulerInterval"/> (a <see cref="TimeProvider"/> timer) it heartbeats,
/// fires due ACD timers (offer timeouts, wrap-up ends, escalations) and sweeps dead nodes. Every node runs one; the
/// scripts make that safe, so no timer depends on the node that armed it.
/// </summary>
public sealed class AcdScheduler : IAsyncDisposable
{
    private readonly AcdStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public AcdScheduler(AcdStore store, TimeProvider timeProvider, ILogger<AcdScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Starts the loop (idempotent).</summary>
    public void Start() => _loop ??= RunAsync(_stop.Token);

    /// <summary>One round: heartbeat, due timers, sweep. Errors are logged, never thrown out of the loop.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.HeartbeatAsync(cancellationToken).ConfigureAwait(false);
            await _store.RunDueTimersAsync(cancellationToken).ConfigureAwait(false);
            await _store.SweepDeadNodesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AcdLog.SchedulerFailed(_logger, ex);
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

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_store.Options.SchedulerInterval, _timeProvider);
        await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
