using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Hours;

/// <summary>Open on <paramref name="Day"/> during <paramref name="Range"/> (local time).</summary>
public sealed record WeeklyRange(DayOfWeek Day, TimeRange Range, SourceLocation Location);
