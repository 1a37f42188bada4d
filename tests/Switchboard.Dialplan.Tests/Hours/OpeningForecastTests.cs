using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Hours;

public class OpeningForecastTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    private static DateTimeOffset At(string local) =>
        OpeningHoursEvaluator.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Kommun.TimeZone);

    [Fact]
    public void At_SaturdayMorning_ClosedUntilMondayEight()
    {
        var forecast = OpeningForecast.At(Kommun.Hours, Kommun.TimeZone, At("2026-12-05T07:00"));

        Assert.False(forecast.Open);
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0), forecast.ChangesAt);
    }

    [Fact]
    public void At_MondayMorning_OpenUntilLunch()
    {
        var forecast = OpeningForecast.At(Kommun.Hours, Kommun.TimeZone, At("2026-12-07T09:30"));

        Assert.True(forecast.Open);
        Assert.Equal(new DateTime(2026, 12, 7, 12, 0, 0), forecast.ChangesAt);
    }

    [Fact]
    public void At_Lunch_ClosedUntilOne()
    {
        var forecast = OpeningForecast.At(Kommun.Hours, Kommun.TimeZone, At("2026-12-07T12:30"));

        Assert.False(forecast.Open);
        Assert.Equal("lunch", forecast.Reason);
        Assert.Equal(new DateTime(2026, 12, 7, 13, 0, 0), forecast.ChangesAt);
    }

    [Fact]
    public void At_LillejulaftonAfterNoon_OpensAfterTheHolidays()
    {
        // 2026-12-23 closes at 12:00 (exception); 24-26 are holidays; the 27th is a Sunday.
        var forecast = OpeningForecast.At(Kommun.Hours, Kommun.TimeZone, At("2026-12-23T12:30"));

        Assert.False(forecast.Open);
        Assert.Equal(new DateTime(2026, 12, 28, 8, 0, 0), forecast.ChangesAt);
    }

    [Fact]
    public void At_DemoDialplan_OpenAroundTheClockOnAHoliday()
    {
        var result = DialplanLoader.Load(Path.Combine(TestDialplans.RepoRoot, "dialplans", "demo.yaml"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Diagnostics));
        var demo = result.Dialplan!;

        var forecast = OpeningForecast.At(demo.Hours, demo.TimeZone, At("2026-12-24T03:00"));

        Assert.True(forecast.Open);
        Assert.Null(forecast.ChangesAt);
    }

    [Fact]
    public void ForQueue_BbmtOnLillejulafton_CutToTheLinesNoonClose()
    {
        var bbmt = Kommun.Queues["bbmt"];
        Assert.NotNull(bbmt.Hours);

        var day = OpeningForecast.ForQueue(Kommun.Hours, bbmt.Hours, new DateOnly(2026, 12, 23));

        Assert.Equal([new TimeRange(TimeSpan.FromHours(9), TimeSpan.FromHours(12))], day.Open);
    }

    [Fact]
    public void ForQueue_QueueWithoutHours_IsTheLinesDay()
    {
        var date = new DateOnly(2026, 12, 21);

        var day = OpeningForecast.ForQueue(Kommun.Hours, null, date);

        Assert.Equal(OpeningCalendar.ForDate(Kommun.Hours, date).Open, day.Open);
    }

    [Fact]
    public void ForQueue_AgreesWithTheIvrEveryHalfHourForTwoMonths()
    {
        var bbmt = Kommun.Queues["bbmt"];
        for (var d = 0; d < 60; d++)
        {
            var date = new DateOnly(2026, 11, 20).AddDays(d);
            var day = OpeningForecast.ForQueue(Kommun.Hours, bbmt.Hours, date);
            for (var minute = 0; minute < 24 * 60; minute += 30)
            {
                var local = date.ToDateTime(new TimeOnly(minute / 60, minute % 60));
                var instant = OpeningHoursEvaluator.ToInstant(local, Kommun.TimeZone);
                var reachable = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, instant).Open
                    && OpeningHoursEvaluator.Evaluate(bbmt.Hours!, Kommun.TimeZone, instant).Open;
                Assert.True(reachable == day.Open.Any(r => r.Contains(local.TimeOfDay)), $"{local:yyyy-MM-dd HH:mm}");
            }
        }
    }
}
