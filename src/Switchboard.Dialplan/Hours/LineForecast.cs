namespace Switchboard.Dialplan.Hours;

/// <summary>Whether the line is open at an instant and when that changes (local wall-clock time), from the calendar.</summary>
/// <param name="Open">True when calls are taken now.</param>
/// <param name="Reason">The reason of <see cref="OpenStatus.Reason"/> at the instant.</param>
/// <param name="LocalTime">The instant in the dialplan's time zone.</param>
/// <param name="ChangesAt">Open: when it closes; closed: when it opens next. Null when that is not within the horizon
/// (open around the clock, or closed for good).</param>
public sealed record LineForecast(bool Open, string Reason, DateTime LocalTime, DateTime? ChangesAt)
{
    /// <summary>How far ahead <see cref="OpeningForecast.At"/> looks for the next change.</summary>
    public const int HorizonDays = 400;
}
