namespace Switchboard.Sip.Transactions;

/// <summary>
/// One transaction timer in the <see cref="SipTimerWheel"/>: due at <see cref="Due"/> (a <see cref="TimeProvider"/>
/// timestamp), may fire from <see cref="Earliest"/> on when the wheel wakes for another timer. Cancelling drops the
/// callback at once (the entry itself leaves the queue when its time comes).
/// </summary>
internal sealed class SipTimerEntry(long due, long earliest, Action callback)
{
    private Action? _callback = callback;

    public long Due { get; } = due;

    public long Earliest { get; } = earliest;

    public bool IsCancelled => Volatile.Read(ref _callback) is null;

    public void Cancel() => Volatile.Write(ref _callback, null);

    /// <summary>Takes the callback once (null when cancelled or taken).</summary>
    public Action? Take() => Interlocked.Exchange(ref _callback, null);
}
