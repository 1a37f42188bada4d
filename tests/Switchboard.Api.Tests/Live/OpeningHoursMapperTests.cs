using Switchboard.Api.Live;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Tests.Live;

public sealed class OpeningHoursMapperTests
{
    [Fact]
    public void ToDialplan_ValidHours_RoundTripsThroughFromDialplan()
    {
        var hours = new OpeningHours { Lunch = "12:00-13:00", HolidaysClosed = true };
        hours.Weekly.Add(new WeeklyRange { IsoWeekday = 7, Range = "10:00-14:00" });
        hours.Exceptions.Add(new DatedException { Date = "2026-12-30", Hours = { "08:00-12:00" }, Note = "Kort dag" });

        var model = OpeningHoursMapper.ToDialplan(hours, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(model);
        Assert.Equal(DayOfWeek.Sunday, Assert.Single(model.Weekly).Day);
        var back = OpeningHoursMapper.FromDialplan(model);
        Assert.Equal(7, back.Weekly[0].IsoWeekday);
        Assert.Equal("10:00-14:00", back.Weekly[0].Range);
        Assert.Equal("12:00-13:00", back.Lunch);
        Assert.Equal("08:00-12:00", Assert.Single(back.Exceptions[0].Hours));
    }

    [Fact]
    public void ToDialplan_OverlappingRangesAndDuplicateDate_ReportsEach()
    {
        var hours = new OpeningHours();
        hours.Weekly.Add(new WeeklyRange { IsoWeekday = 1, Range = "08:00-12:00" });
        hours.Weekly.Add(new WeeklyRange { IsoWeekday = 1, Range = "11:00-16:00" });
        hours.Exceptions.Add(new DatedException { Date = "2026-12-24", Closed = true });
        hours.Exceptions.Add(new DatedException { Date = "2026-12-24", Closed = true });
        hours.Exceptions.Add(new DatedException { Date = "2026-12-31" });

        var model = OpeningHoursMapper.ToDialplan(hours, out var errors);

        Assert.Null(model);
        Assert.Equal(3, errors.Count);
    }
}
