using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.Callbacks;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Runs <see cref="CallbackStore.SweepAsync"/> periodically (expiry, due retries back at their place, retention
/// purge, crash repair). Safe on every node: each step is an atomic, idempotent transition in Redis.
/// </summary>
public sealed class CallbackSweepService(CallbackStore callbacks, TimeProvider timeProvider, ILogger<CallbackSweepService>? logger = null) : BackgroundService
{
    /// <summary>Time between sweeps.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await callbacks.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CallbackWorkerLog.SweepFailed(logger ?? (ILogger)NullLogger.Instance, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
