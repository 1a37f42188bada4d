namespace Switchboard.Dialplan.Hours;

/// <summary>Opening hours per local date (ignoring live overrides), with the same precedence as <see cref="OpeningHoursEvaluator"/>.</summary>
public static class OpeningCalendar
{
    /// <summary>The schedule of <paramref name="date"/>.</summary>
    public static DaySchedule ForDate(OpeningHours hours, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var holiday = hours.Holidays ? SwedishHolidays.Find(date) : null;
        if (hours.Exceptions.FirstOrDefault(e => e.Date == date) is { } exception)
        {
            return new DaySchedule(date, exception.Closed ? [] : CutLunch(exception.Hours, null), OpenReason.Exception, holiday, exception.Note);
        }

        if (holiday is not null)
        {
            return new DaySchedule(date, [], OpenReason.HolidayPrefix + holiday.Name, holiday, null);
        }

        var weekly = hours.Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => w.Range).OrderBy(r => r.Start).ToList();
        if (weekly.Count > 0 && hours.DayBeforeHoliday is { } shortened && hours.Holidays && SwedishHolidays.Find(date.AddDays(1)) is not null)
        {
            return new DaySchedule(date, [.. shortened.OrderBy(r => r.Start)], OpenReason.DayBeforeHoliday, null, null);
        }

        return new DaySchedule(date, CutLunch(weekly, hours.Lunch), OpenReason.Weekly, null, null);
    }

    /// <summary>The schedules of <paramref name="days"/> dates from <paramref name="from"/>.</summary>
    public static IReadOnlyList<DaySchedule> Range(OpeningHours hours, DateOnly from, int days) =>
        [.. Enumerable.Range(0, Math.Max(0, days)).Select(i => ForDate(hours, from.AddDays(i)))];

    private static List<TimeRange> CutLunch(IEnumerable<TimeRange> ranges, TimeRange? lunch)
    {
        var result = new List<TimeRange>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (lunch is not { } l || !range.Overlaps(l))
            {
                result.Add(range);
                continue;
            }

            if (range.Start < l.Start)
            {
                result.Add(new TimeRange(range.Start, l.Start));
            }

            if (range.End > l.End)
            {
                result.Add(new TimeRange(l.End, range.End));
            }
        }

        return result;
    }
}
