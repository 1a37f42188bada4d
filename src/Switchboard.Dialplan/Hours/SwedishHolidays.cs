namespace Switchboard.Dialplan.Hours;

/// <summary>
/// Swedish public holidays (lag 1989:253 om allmänna helgdagar) plus the eves treated as closed days
/// (julafton, nyårsafton, midsommarafton, påskafton, pingstafton), computed for any Gregorian year.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>All holidays and closed eves of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstWeekday(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        var allSaints = FirstWeekday(new DateOnly(year, 10, 31), DayOfWeek.Saturday);
        List<Holiday> list =
        [
            new(new DateOnly(year, 1, 1), "Nyårsdagen"),
            new(new DateOnly(year, 1, 6), "Trettondedag jul"),
            new(easter.AddDays(-2), "Långfredagen"),
            new(easter.AddDays(-1), "Påskafton"),
            new(easter, "Påskdagen"),
            new(easter.AddDays(1), "Annandag påsk"),
            new(new DateOnly(year, 5, 1), "Första maj"),
            new(easter.AddDays(39), "Kristi himmelsfärdsdag"),
            new(easter.AddDays(48), "Pingstafton"),
            new(easter.AddDays(49), "Pingstdagen"),
            new(new DateOnly(year, 6, 6), "Sveriges nationaldag"),
            new(midsummerEve, "Midsommarafton"),
            new(midsummerEve.AddDays(1), "Midsommardagen"),
            new(allSaints, "Alla helgons dag"),
            new(new DateOnly(year, 12, 24), "Julafton"),
            new(new DateOnly(year, 12, 25), "Juldagen"),
            new(new DateOnly(year, 12, 26), "Annandag jul"),
            new(new DateOnly(year, 12, 31), "Nyårsafton"),
        ];
        list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return list;
    }

    /// <summary>The holiday on <paramref name="date"/>, or null.</summary>
    public static Holiday? Find(DateOnly date)
    {
        foreach (var holiday in For(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>Easter Sunday by the Gregorian computus (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstWeekday(DateOnly from, DayOfWeek day)
    {
        var date = from;
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
