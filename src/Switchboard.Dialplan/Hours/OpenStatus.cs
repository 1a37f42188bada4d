namespace Switchboard.Dialplan.Hours;

/// <summary>Whether a dialplan or queue is open at an instant, and why.</summary>
/// <param name="Open">True when calls are taken.</param>
/// <param name="Reason"><c>weekly</c>, <c>lunch</c>, <c>holiday:&lt;name&gt;</c>, <c>exception</c>, <c>day-before-holiday</c>, <c>emergency</c> or <c>override</c>.</param>
/// <param name="LocalTime">The instant in the dialplan's time zone.</param>
/// <param name="Holiday">The holiday of the day, if any (even when an exception opened it).</param>
/// <param name="Exception">The dated exception of the day, if any.</param>
public sealed record OpenStatus(bool Open, string Reason, DateTime LocalTime, Holiday? Holiday, DatedException? Exception)
{
    /// <summary>True when the reason is a holiday.</summary>
    public bool IsHoliday => Reason.StartsWith(OpenReason.HolidayPrefix, StringComparison.Ordinal);
}
