namespace Switchboard.Dialplan.Hours;

/// <summary>The reason strings used in <see cref="OpenStatus.Reason"/>.</summary>
public static class OpenReason
{
    /// <summary>Weekly hours decided (open, or closed outside them).</summary>
    public const string Weekly = "weekly";
    /// <summary>Closed for lunch.</summary>
    public const string Lunch = "lunch";
    /// <summary>A dated exception decided.</summary>
    public const string Exception = "exception";
    /// <summary>The emergency message closes the line.</summary>
    public const string Emergency = "emergency";
    /// <summary>A live override decided.</summary>
    public const string Override = "override";
    /// <summary>Shortened hours on the day before a holiday decided.</summary>
    public const string DayBeforeHoliday = "day-before-holiday";
    /// <summary>Prefix of <c>holiday:&lt;name&gt;</c>.</summary>
    public const string HolidayPrefix = "holiday:";
}
