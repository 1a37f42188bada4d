using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Draining: the first <see cref="Request"/> (SIGTERM) turns the node to <see cref="IsDraining"/> (503 to OPTIONS and
/// new INVITEs, see <see cref="NodeAvailability"/>), waits until no call is left on the node, or
/// <see cref="DrainOptions.Deadline"/> passes, and at least <see cref="DrainOptions.Settle"/>, then stops the host.
/// A second request stops the host at once. With a zero deadline the first request stops at once.
/// </summary>
public sealed class NodeDrain(DrainOptions options, IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<NodeDrain> logger)
{
    /// <summary>How often a draining node looks at its call count.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);

    private int _requests;

    /// <summary>True from the first drain request on.</summary>
    public bool IsDraining => Volatile.Read(ref _requests) > 0;

    /// <summary>Calls in progress on this node; set by the host once the call manager exists.</summary>
    public Func<int> ActiveCalls { get; set; } = static () => 0;

    /// <summary>
    /// Run when the deadline passes with calls still on the node, before they are ended: hands the waiting callers to
    /// the other nodes' callback path (<c>AcdStore.ReleaseNodeAsync</c>); set by the host. Failures are logged.
    /// </summary>
    public Func<CancellationToken, Task> HandOver { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Completes when the drain has ended (just before the host is told to stop).</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts draining (first call) or stops at once (later calls).</summary>
    public void Request()
    {
        var request = Interlocked.Increment(ref _requests);
        if (request > 1)
        {
            DrainLog.StoppingNow(logger, ActiveCalls());
            lifetime.StopApplication();
            return;
        }

        if (options.Deadline <= TimeSpan.Zero)
        {
            _completion.TrySetResult();
            lifetime.StopApplication();
            return;
        }

        DrainLog.Draining(logger, ActiveCalls(), options.Deadline);
        _ = DrainAsync();
    }

    private async Task DrainAsync()
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            using var timer = new PeriodicTimer(CheckInterval, timeProvider);
            while (true)
            {
                var elapsed = timeProvider.GetElapsedTime(started);
                var calls = ActiveCalls();
                if (elapsed >= options.Deadline)
                {
                    DrainLog.DeadlineReached(logger, calls, options.Deadline);
                    await HandOverAsync().ConfigureAwait(false);
                    break;
                }

                if (calls == 0 && elapsed >= options.Settle)
                {
                    DrainLog.Drained(logger, elapsed);
                    break;
                }

                if (!await timer.WaitForNextTickAsync(lifetime.ApplicationStopping).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped some other way meanwhile.
        }
        finally
        {
            _completion.TrySetResult();
            lifetime.StopApplication();
        }
    }

    private async Task HandOverAsync()
    {
        try
        {
            await HandOver(lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DrainLog.HandOverFailed(logger, ex);
        }
    }
}
