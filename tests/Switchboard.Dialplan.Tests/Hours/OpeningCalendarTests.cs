using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Hours;

public class OpeningCalendarTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    [Fact]
    public void ForDate_AgreesWithEvaluatorEveryQuarterHour_ForAYear()
    {
        var start = new DateOnly(2026, 1, 1);
        for (var day = 0; day < 365; day++)
        {
            var date = start.AddDays(day);
            var schedule = OpeningCalendar.ForDate(Kommun.Hours, date);
            for (var minute = 0; minute < 24 * 60; minute += 15)
            {
                var local = date.ToDateTime(new TimeOnly(minute / 60, minute % 60));
                if (Kommun.TimeZone.IsInvalidTime(local))
                {
                    continue;
                }

                var status = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, OpeningHoursEvaluator.ToInstant(local, Kommun.TimeZone));
                var open = schedule.Open.Any(r => r.Contains(local.TimeOfDay));
                Assert.True(open == status.Open, $"{local:yyyy-MM-dd HH:mm}: calendar {open}, evaluator {status.Open} ({status.Reason})");
            }
        }
    }

    [Fact]
    public void ForDate_MaundyThursday_IsDayBeforeHoliday()
    {
        var schedule = OpeningCalendar.ForDate(Kommun.Hours, new DateOnly(2026, 4, 2));
        Assert.Equal("day-before-holiday", schedule.Reason);
        Assert.Equal([new TimeRange(TimeSpan.FromHours(8), TimeSpan.FromHours(15))], schedule.Open);
    }

    [Fact]
    public void ForDate_OrdinaryMonday_CutsLunch()
    {
        var schedule = OpeningCalendar.ForDate(Kommun.Hours, new DateOnly(2026, 11, 23));
        Assert.Equal("08:00-12:00, 13:00-17:00", string.Join(", ", schedule.Open));
    }
}
