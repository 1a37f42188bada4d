namespace Switchboard.Acd.Live;

/// <summary>
/// A supervisor's live opening-hours override as every node reads it from Redis (unvalidated text ranges: the API
/// validates before storing, and each node converts to the dialplan model when it applies it).
/// </summary>
/// <param name="Weekly">Weekly ranges.</param>
/// <param name="Lunch">Daily lunch closure (<c>HH:mm-HH:mm</c>) or empty.</param>
/// <param name="HolidaysClosed">Closed on Swedish public holidays.</param>
/// <param name="Exceptions">Dated exceptions.</param>
/// <param name="UpdatedBy">Token subject of the supervisor who set it.</param>
/// <param name="UpdatedAt">When it was set.</param>
/// <param name="DayBeforeHoliday">Open ranges on a working day before a holiday; null or empty: the weekly hours.</param>
public sealed record LiveHours(
    IReadOnlyList<LiveWeeklyRange> Weekly,
    string Lunch,
    bool HolidaysClosed,
    IReadOnlyList<LiveDatedException> Exceptions,
    string UpdatedBy = "",
    DateTimeOffset? UpdatedAt = null,
    IReadOnlyList<string>? DayBeforeHoliday = null);
