namespace Switchboard.Dialplan.Hours;

/// <summary>
/// Decides open/closed at an instant. Precedence: live override &gt; dated exception &gt; holiday &gt; weekly (with lunch
/// and the day before a holiday). All in the given time zone, so daylight-saving changes are handled by <see cref="TimeZoneInfo"/>.
/// </summary>
public static class OpeningHoursEvaluator
{
    /// <summary>Evaluates <paramref name="hours"/> at <paramref name="instant"/> in <paramref name="timeZone"/>.</summary>
    public static OpenStatus Evaluate(OpeningHours hours, TimeZoneInfo timeZone, DateTimeOffset instant, LiveOverride? liveOverride = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        var holiday = hours.Holidays ? SwedishHolidays.Find(date) : null;
        var exception = hours.Exceptions.FirstOrDefault(e => e.Date == date);

        if (liveOverride is not null && (liveOverride.Until is null || instant < liveOverride.Until))
        {
            return new OpenStatus(liveOverride.Open, OpenReason.Override, local, holiday, exception);
        }

        if (exception is not null)
        {
            var open = !exception.Closed && exception.Hours.Any(r => r.Contains(time));
            return new OpenStatus(open, OpenReason.Exception, local, holiday, exception);
        }

        if (holiday is not null)
        {
            return new OpenStatus(false, OpenReason.HolidayPrefix + holiday.Name, local, holiday, null);
        }

        var weekly = hours.Weekly.Where(w => w.Day == local.DayOfWeek).Select(w => w.Range).ToList();
        if (weekly.Count > 0 && hours.DayBeforeHoliday is { } shortened && hours.Holidays && SwedishHolidays.Find(date.AddDays(1)) is not null)
        {
            return new OpenStatus(shortened.Any(r => r.Contains(time)), OpenReason.DayBeforeHoliday, local, null, null);
        }

        if (!weekly.Any(r => r.Contains(time)))
        {
            return new OpenStatus(false, OpenReason.Weekly, local, null, null);
        }

        if (hours.Lunch is { } lunch && lunch.Contains(time))
        {
            return new OpenStatus(false, OpenReason.Lunch, local, null, null);
        }

        return new OpenStatus(true, OpenReason.Weekly, local, null, null);
    }

    /// <summary>The instant of local wall-clock time <paramref name="local"/> in <paramref name="timeZone"/> (a skipped DST hour moves forward).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (timeZone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        var offset = timeZone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
