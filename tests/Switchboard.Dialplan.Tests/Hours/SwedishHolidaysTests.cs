using Switchboard.Dialplan.Hours;

namespace Switchboard.Dialplan.Tests.Hours;

public class SwedishHolidaysTests
{
    // Easter Sundays 2024-2035 from published tables.
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2031, "2031-04-13")]
    [InlineData(2032, "2032-03-28")]
    [InlineData(2033, "2033-04-17")]
    [InlineData(2034, "2034-04-09")]
    [InlineData(2035, "2035-03-25")]
    public void EasterSunday_KnownYears_MatchesTables(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SwedishHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2027-03-26", "Långfredagen")]
    [InlineData("2026-06-19", "Midsommarafton")]
    [InlineData("2026-06-20", "Midsommardagen")]
    [InlineData("2026-05-14", "Kristi himmelsfärdsdag")]
    [InlineData("2024-03-29", "Långfredagen")]
    [InlineData("2024-04-01", "Annandag påsk")]
    [InlineData("2024-05-09", "Kristi himmelsfärdsdag")]
    [InlineData("2024-06-21", "Midsommarafton")]
    [InlineData("2024-11-02", "Alla helgons dag")]
    [InlineData("2025-04-18", "Långfredagen")]
    [InlineData("2025-05-29", "Kristi himmelsfärdsdag")]
    [InlineData("2025-06-20", "Midsommarafton")]
    [InlineData("2025-11-01", "Alla helgons dag")]
    [InlineData("2026-04-03", "Långfredagen")]
    [InlineData("2026-04-06", "Annandag påsk")]
    [InlineData("2026-10-31", "Alla helgons dag")]
    [InlineData("2027-05-06", "Kristi himmelsfärdsdag")]
    [InlineData("2027-06-25", "Midsommarafton")]
    [InlineData("2027-11-06", "Alla helgons dag")]
    [InlineData("2028-04-14", "Långfredagen")]
    [InlineData("2028-06-23", "Midsommarafton")]
    [InlineData("2029-03-30", "Långfredagen")]
    [InlineData("2029-06-22", "Midsommarafton")]
    [InlineData("2030-04-19", "Långfredagen")]
    [InlineData("2030-05-30", "Kristi himmelsfärdsdag")]
    [InlineData("2031-04-11", "Långfredagen")]
    [InlineData("2032-03-26", "Långfredagen")]
    [InlineData("2032-06-25", "Midsommarafton")]
    [InlineData("2033-04-15", "Långfredagen")]
    [InlineData("2034-04-07", "Långfredagen")]
    [InlineData("2035-03-23", "Långfredagen")]
    [InlineData("2035-05-03", "Kristi himmelsfärdsdag")]
    [InlineData("2035-06-22", "Midsommarafton")]
    [InlineData("2035-11-03", "Alla helgons dag")]
    [InlineData("2030-06-06", "Sveriges nationaldag")]
    [InlineData("2031-12-24", "Julafton")]
    [InlineData("2033-12-31", "Nyårsafton")]
    [InlineData("2034-01-06", "Trettondedag jul")]
    [InlineData("2029-05-01", "Första maj")]
    [InlineData("2026-05-24", "Pingstdagen")]
    public void Find_KnownDate_NamesHoliday(string date, string name)
    {
        var holiday = SwedishHolidays.Find(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(holiday);
        Assert.Equal(name, holiday.Name);
    }

    [Fact]
    public void For_EveryYear2024To2035_FixedRulesHold()
    {
        for (var year = 2024; year <= 2035; year++)
        {
            var list = SwedishHolidays.For(year);
            var byName = list.ToDictionary(h => h.Name, h => h.Date);
            Assert.Equal(18, list.Count);
            Assert.Equal(DayOfWeek.Friday, byName["Midsommarafton"].DayOfWeek);
            Assert.InRange(byName["Midsommarafton"].Day, 19, 25);
            Assert.Equal(DayOfWeek.Saturday, byName["Alla helgons dag"].DayOfWeek);
            var allSaints = byName["Alla helgons dag"];
            Assert.True(allSaints >= new DateOnly(year, 10, 31) && allSaints <= new DateOnly(year, 11, 6));
            Assert.Equal(DayOfWeek.Friday, byName["Långfredagen"].DayOfWeek);
            Assert.Equal(DayOfWeek.Thursday, byName["Kristi himmelsfärdsdag"].DayOfWeek);
            Assert.Equal(DayOfWeek.Monday, byName["Annandag påsk"].DayOfWeek);
            Assert.Equal(DayOfWeek.Sunday, byName["Påskdagen"].DayOfWeek);
        }
    }

    [Fact]
    public void Find_OrdinaryWorkday_ReturnsNull() =>
        Assert.Null(SwedishHolidays.Find(new DateOnly(2026, 11, 24)));
}
