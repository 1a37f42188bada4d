namespace Switchboard.Acd.Statistics;

/// <summary>Interval length of a report, in local time (weeks start on Monday 00:00).</summary>
public enum ReportGrouping
{
    Hour,
    Day,
    Week,
}
