using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Hours;

/// <summary>Opening hours: weekly ranges, optional lunch closure, Swedish holidays, the day before a holiday, dated exceptions.</summary>
/// <param name="Weekly">Open ranges per weekday.</param>
/// <param name="Lunch">Closed for lunch during this range on open days (null: no lunch closure).</param>
/// <param name="Holidays">Whether Swedish public holidays (and julafton, nyårsafton, midsommarafton) are closed.</param>
/// <param name="DayBeforeHoliday">Hours on a working day before a holiday (null: normal hours).</param>
/// <param name="Exceptions">Dated exceptions; they beat holidays and weekly hours.</param>
/// <param name="Location">Where the hours are written.</param>
public sealed record OpeningHours(
    IReadOnlyList<WeeklyRange> Weekly,
    TimeRange? Lunch,
    bool Holidays,
    IReadOnlyList<TimeRange>? DayBeforeHoliday,
    IReadOnlyList<DatedException> Exceptions,
    SourceLocation Location)
{
    /// <summary>Always open.</summary>
    public static OpeningHours AlwaysOpen { get; } = new(
        [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, new TimeRange(TimeSpan.Zero, TimeSpan.FromHours(24)), SourceLocation.None))],
        null, false, null, [], SourceLocation.None);
}
