using Switchboard.Acd.Store;

namespace Switchboard.Acd.Nodes;

/// <summary>
/// One per node: on a <see cref="TimeProvider"/> timer it heartbeats, fires due ACD timers (offer timeouts,
/// wrap-up ends, escalations) and sweeps dead nodes. Every node runs one; the scripts make that safe.
/// </summary>
public sealed class AcdScheduler : IAsyncDisposable
{
    private readonly AcdStore _store;
    private readonly TimeProvider _timeProvider;

    public AcdScheduler(AcdStore store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <summary>Starts the loop.</summary>
    public void Start() => throw new NotImplementedException();

    /// <summary>One round: heartbeat, due timers, sweep.</summary>
    public Task RunOnceAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
