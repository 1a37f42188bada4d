namespace Switchboard.Media.Security;

/// <summary>
/// Per-stream state of the wrong-source log line: the first drop is reported at once, later ones at most once per
/// interval with the count since the last line. Used only on the stream's receive loop (no locking).
/// </summary>
internal sealed class WrongSourceReport
{
    private long _pending;
    private long _lastLine;
    private bool _reported;

    /// <summary>Counts one drop; true (with the count to report) when a line is due.</summary>
    public bool Count(long now, TimeProvider time, TimeSpan interval, out long dropped)
    {
        _pending++;
        if (_reported && time.GetElapsedTime(_lastLine, now) < interval)
        {
            dropped = 0;
            return false;
        }

        dropped = _pending;
        return true;
    }

    /// <summary>The line was written: start counting afresh.</summary>
    public void Reported(long now)
    {
        _pending = 0;
        _lastLine = now;
        _reported = true;
    }
}
