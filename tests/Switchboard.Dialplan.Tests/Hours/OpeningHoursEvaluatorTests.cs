using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Hours;

public class OpeningHoursEvaluatorTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    private static OpenStatus At(string local, LiveOverride? liveOverride = null) =>
        OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, Instant(local), liveOverride);

    private static DateTimeOffset Instant(string local) =>
        OpeningHoursEvaluator.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Kommun.TimeZone);

    [Theory]
    [InlineData("2026-11-23T08:00", true, "weekly")]
    [InlineData("2026-11-23T07:59", false, "weekly")]
    [InlineData("2026-11-23T11:59", true, "weekly")]
    [InlineData("2026-11-23T12:00", false, "lunch")]
    [InlineData("2026-11-23T12:59", false, "lunch")]
    [InlineData("2026-11-23T13:00", true, "weekly")]
    [InlineData("2026-11-23T16:59", true, "weekly")]
    [InlineData("2026-11-23T17:00", false, "weekly")]
    [InlineData("2026-11-27T16:30", false, "weekly")]
    [InlineData("2026-11-27T15:30", true, "weekly")]
    [InlineData("2026-11-28T10:00", false, "weekly")]
    [InlineData("2026-12-24T10:00", false, "holiday:Julafton")]
    [InlineData("2026-06-19T10:00", false, "holiday:Midsommarafton")]
    [InlineData("2027-03-26T10:00", false, "holiday:Långfredagen")]
    [InlineData("2026-12-23T10:00", true, "exception")]
    [InlineData("2026-12-23T13:00", false, "exception")]
    [InlineData("2027-01-05T10:00", false, "exception")]
    [InlineData("2026-05-13T14:30", true, "day-before-holiday")]
    [InlineData("2026-05-13T15:30", false, "day-before-holiday")]
    public void Evaluate_KommunAtLocalTime_GivesStatus(string local, bool open, string reason)
    {
        var status = At(local);
        Assert.Equal(reason, status.Reason);
        Assert.Equal(open, status.Open);
    }

    [Fact]
    public void Evaluate_LiveOverride_BeatsHoliday()
    {
        var status = At("2026-12-24T10:00", new LiveOverride(true, null));
        Assert.True(status.Open);
        Assert.Equal("override", status.Reason);
        Assert.Equal("Julafton", status.Holiday?.Name);
    }

    [Fact]
    public void Evaluate_ExpiredLiveOverride_IsIgnored()
    {
        var status = At("2026-11-23T10:00", new LiveOverride(false, Instant("2026-11-23T09:00")));
        Assert.True(status.Open);
        Assert.Equal("weekly", status.Reason);
    }

    [Fact]
    public void Evaluate_ExceptionOnHoliday_ExceptionWins()
    {
        var hours = Kommun.Hours with
        {
            Exceptions = [new DatedException(new DateOnly(2026, 12, 24), false, [new TimeRange(TimeSpan.FromHours(9), TimeSpan.FromHours(11))], [], "öppet", SourceLocation.None)],
        };
        var status = OpeningHoursEvaluator.Evaluate(hours, Kommun.TimeZone, Instant("2026-12-24T10:00"));
        Assert.True(status.Open);
        Assert.Equal("exception", status.Reason);
        Assert.Equal("Julafton", status.Holiday?.Name);
    }

    [Theory]
    // Spring forward: 2026-03-29 02:00 CET -> 03:00 CEST. Sunday, so use a 24h plan around the jump.
    [InlineData("2026-03-29T00:30:00Z", 1, 30)]
    [InlineData("2026-03-29T01:30:00Z", 3, 30)]
    // Fall back: 2026-10-25 03:00 CEST -> 02:00 CET.
    [InlineData("2026-10-25T00:30:00Z", 2, 30)]
    [InlineData("2026-10-25T01:30:00Z", 2, 30)]
    [InlineData("2026-10-25T02:30:00Z", 3, 30)]
    public void Evaluate_AcrossDaylightSaving_UsesStockholmWallClock(string utc, int hour, int minute)
    {
        var status = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(hour, status.LocalTime.Hour);
        Assert.Equal(minute, status.LocalTime.Minute);
    }

    [Fact]
    public void Evaluate_MondayAfterDaylightSavingStarts_OpensAt0800Local()
    {
        // 2026-03-30 is the first Monday on CEST (UTC+2): 08:00 local is 06:00 UTC.
        var before = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, new DateTimeOffset(2026, 3, 30, 5, 59, 0, TimeSpan.Zero));
        var after = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero));
        Assert.False(before.Open);
        Assert.True(after.Open);
    }

    [Fact]
    public void Evaluate_MondayAfterDaylightSavingEnds_OpensAt0800Local()
    {
        // 2026-10-26 is the first Monday on CET (UTC+1): 08:00 local is 07:00 UTC.
        var before = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, new DateTimeOffset(2026, 10, 26, 6, 59, 0, TimeSpan.Zero));
        var after = OpeningHoursEvaluator.Evaluate(Kommun.Hours, Kommun.TimeZone, new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero));
        Assert.False(before.Open);
        Assert.True(after.Open);
    }

    [Fact]
    public void ToInstant_SkippedHour_MovesForward()
    {
        var instant = OpeningHoursEvaluator.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), Kommun.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }
}
