using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;

namespace Switchboard.Calls.Timers;

/// <summary>
/// A call's timers on a <see cref="TimeProvider"/>: carries out <see cref="StartTimer"/> and <see cref="StopTimer"/> and
/// posts <see cref="TimerFired"/> to the call's own channel. A timer restarted or stopped before it fires posts nothing
/// (each start gets a generation; a late callback of an older one is dropped).
/// </summary>
public sealed class CallTimers : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<CallEvent> _post;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ITimer Timer, long Generation)> _timers = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Creates the timers of one call.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="post">Where fired timers go (the call's channel).</param>
    public CallTimers(TimeProvider timeProvider, Action<CallEvent> post)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _post = post ?? throw new ArgumentNullException(nameof(post));
    }

    /// <summary>Timers running now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Starts (or restarts) <paramref name="name"/>.</summary>
    public void Start(string name, TimeSpan delay)
    {
        lock (_gate)
        {
            Remove(name);
            var generation = ++_generation;
            var timer = _time.CreateTimer(_ => Fire(name, generation), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
            _timers[name] = (timer, generation);
        }
    }

    /// <summary>Stops <paramref name="name"/>, or every timer when null.</summary>
    public void Stop(string? name)
    {
        lock (_gate)
        {
            if (name is not null)
            {
                Remove(name);
                return;
            }

            foreach (var entry in _timers.Values)
            {
                entry.Timer.Dispose();
            }

            _timers.Clear();
        }
    }

    /// <summary>Stops every timer.</summary>
    public void Dispose() => Stop(null);

    private void Fire(string name, long generation)
    {
        lock (_gate)
        {
            if (!_timers.TryGetValue(name, out var entry) || entry.Generation != generation)
            {
                return;
            }

            _timers.Remove(name);
            entry.Timer.Dispose();
        }

        _post(new TimerFired(name));
    }

    private void Remove(string name)
    {
        if (_timers.Remove(name, out var entry))
        {
            entry.Timer.Dispose();
        }
    }
}
