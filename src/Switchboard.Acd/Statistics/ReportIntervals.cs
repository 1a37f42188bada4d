namespace Switchboard.Acd.Statistics;

/// <summary>Interval arithmetic in local time. Buckets are kept per UTC hour (whole-hour zone offsets assumed).</summary>
public static class ReportIntervals
{
    /// <summary>Start of the UTC hour holding <paramref name="at"/>, as unix hours.</summary>
    public static long HourOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeMilliseconds() / 3_600_000d);

    /// <summary>The local start of the interval holding <paramref name="at"/>.</summary>
    public static DateTimeOffset Start(DateTimeOffset at, ReportGrouping grouping, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        switch (grouping)
        {
            case ReportGrouping.Hour:
                var utcHour = DateTimeOffset.FromUnixTimeMilliseconds(HourOf(at) * 3_600_000);
                return TimeZoneInfo.ConvertTime(utcHour, zone);
            case ReportGrouping.Day:
                return AtMidnight(local.Date, zone);
            case ReportGrouping.Week:
                var daysSinceMonday = ((int)local.DayOfWeek + 6) % 7;
                return AtMidnight(local.Date.AddDays(-daysSinceMonday), zone);
            default:
                throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping.");
        }
    }

    /// <summary>The local calendar date of <paramref name="at"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>Local midnight of <paramref name="date"/> (never ambiguous in zones that change at night, e.g. Stockholm).</summary>
    public static DateTimeOffset AtMidnight(DateTime date, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
