namespace Switchboard.Dialplan.Hours;

/// <summary>
/// What a caller gets, looking ahead: the line's open state now and the next change (<see cref="At"/>), and a queue's
/// hours as callers reach them, that is inside the line's own hours (<see cref="ForQueue"/>). Ignores live overrides
/// after the instant (a supervisor's override has no calendar).
/// </summary>
public static class OpeningForecast
{
    /// <summary>Open or closed at <paramref name="instant"/>, and until when (or from when).</summary>
    public static LineForecast At(OpeningHours hours, TimeZoneInfo timeZone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var status = OpeningHoursEvaluator.Evaluate(hours, timeZone, instant);
        var local = status.LocalTime;
        var date = DateOnly.FromDateTime(local);
        DateTime? change = null;
        for (var day = 0; day < LineForecast.HorizonDays && change is null; day++)
        {
            var schedule = OpeningCalendar.ForDate(hours, date.AddDays(day));
            foreach (var range in schedule.Open)
            {
                var start = schedule.Date.ToDateTime(TimeOnly.MinValue) + range.Start;
                var end = schedule.Date.ToDateTime(TimeOnly.MinValue) + range.End;
                if (status.Open && end > local && !ContinuesAt(hours, end))
                {
                    change = end;
                    break;
                }

                if (!status.Open && start > local)
                {
                    change = start;
                    break;
                }
            }
        }

        return new LineForecast(status.Open, status.Reason, local, change);
    }

    /// <summary>
    /// The hours of <paramref name="queueHours"/> on <paramref name="date"/> that callers can reach: cut to the line's
    /// <paramref name="lineHours"/> (the line closes first: a caller never reaches a queue while the line is closed).
    /// Without queue hours it is the line's day.
    /// </summary>
    public static DaySchedule ForQueue(OpeningHours lineHours, OpeningHours? queueHours, DateOnly date)
    {
        var line = OpeningCalendar.ForDate(lineHours, date);
        if (queueHours is null)
        {
            return line;
        }

        var queue = OpeningCalendar.ForDate(queueHours, date);
        var open = new List<TimeRange>();
        foreach (var a in line.Open)
        {
            foreach (var b in queue.Open)
            {
                if (a.Overlaps(b))
                {
                    open.Add(new TimeRange(a.Start > b.Start ? a.Start : b.Start, a.End < b.End ? a.End : b.End));
                }
            }
        }

        open.Sort((x, y) => x.Start.CompareTo(y.Start));
        // The line's own reason (an exception, a holiday) explains the day better than the queue's weekly hours.
        var reason = line.Reason != OpenReason.Weekly ? line.Reason : queue.Reason;
        return new DaySchedule(date, open, reason, line.Holiday ?? queue.Holiday, line.Note ?? queue.Note);
    }

    // An open range ending at midnight continues when the next day opens at 00:00 (open around the clock).
    private static bool ContinuesAt(OpeningHours hours, DateTime end)
    {
        if (end.TimeOfDay != TimeSpan.Zero)
        {
            return false;
        }

        var next = OpeningCalendar.ForDate(hours, DateOnly.FromDateTime(end));
        return next.Open.Count > 0 && next.Open[0].Start == TimeSpan.Zero;
    }
}
