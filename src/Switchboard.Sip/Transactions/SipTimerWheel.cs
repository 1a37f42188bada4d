namespace Switchboard.Sip.Transactions;

/// <summary>
/// The transaction layer's timers (RFC 3261 §17: A-K, and L, M of RFC 6026) coalesced on one <see cref="ITimer"/>:
/// a priority queue by due time, the timer set for the earliest. When it fires, every timer due by then runs, and so
/// does every timer whose <see cref="MaxEarly"/> allowance (1/32 of its duration, at most 50 ms) reaches back to the
/// moment the wheel was set for (a late wake-up does not fire anything earlier than that), so the
/// wake-ups of many transactions (timer J of 200 REGISTERs a second, 32 s each) become one per tick instead of one
/// thread-pool dispatch per timer. Callbacks run on the thread the wheel fires on, one after another.
/// </summary>
internal sealed class SipTimerWheel
{
    /// <summary>How early a timer may fire, beside another due timer (1/32 of its duration, never more).</summary>
    public static readonly TimeSpan MaxEarly = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<SipTimerEntry, long> _queue = new();
    private readonly ITimer _timer;
    private long _armedFor = long.MaxValue;

    public SipTimerWheel(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(static s => ((SipTimerWheel)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Timers waiting (cancelled ones included until their time).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> after <paramref name="due"/> (> 0), unless cancelled first.</summary>
    public SipTimerEntry Schedule(TimeSpan due, Action callback)
    {
        var now = _time.GetTimestamp();
        var ticks = ToTimestamp(due);
        var early = Math.Min(ticks / 32, ToTimestamp(MaxEarly));
        var entry = new SipTimerEntry(now + ticks, now + ticks - early, callback);
        lock (_gate)
        {
            _queue.Enqueue(entry, entry.Due);
            if (entry.Due < _armedFor)
            {
                Arm(entry.Due, now);
            }
        }

        return entry;
    }

    private void Fire()
    {
        List<Action>? due = null;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var armedFor = _armedFor; // the wake-up this is; a late wake-up does not widen the allowance
            _armedFor = long.MaxValue;
            while (_queue.TryPeek(out var head, out _))
            {
                if (head.IsCancelled)
                {
                    _queue.Dequeue();
                    continue;
                }

                if (head.Due > now && head.Earliest > armedFor)
                {
                    Arm(head.Due, now);
                    break;
                }

                _queue.Dequeue();
                if (head.Take() is { } callback)
                {
                    (due ??= []).Add(callback);
                }
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var callback in due)
        {
            callback();
        }
    }

    private void Arm(long at, long now)
    {
        _armedFor = at;
        var delay = at <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, at);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
