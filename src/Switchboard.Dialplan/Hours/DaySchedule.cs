namespace Switchboard.Dialplan.Hours;

/// <summary>The open ranges of one local date (empty: closed all day) and why, e.g. for a calendar.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Open">Open ranges, lunch already cut out, in order.</param>
/// <param name="Reason"><c>weekly</c>, <c>holiday:&lt;name&gt;</c>, <c>exception</c> or <c>day-before-holiday</c>.</param>
/// <param name="Holiday">The holiday of the day, if any.</param>
/// <param name="Note">The exception's note, if any.</param>
public sealed record DaySchedule(DateOnly Date, IReadOnlyList<TimeRange> Open, string Reason, Holiday? Holiday, string? Note);
