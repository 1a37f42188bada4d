using System.Globalization;
using Switchboard.Acd.Statistics;
using Switchboard.Api.Supervisor.V1;
using ReportGrouping = Switchboard.Acd.Statistics.ReportGrouping;

namespace Switchboard.Cli.Commands;

/// <summary>Writes queue reports as an aligned table or as CSV (invariant culture, one row per queue and interval).</summary>
internal static class ReportTable
{
    private static readonly string[] Headers =
    [
        "queue", "start", "offered", "answered", "abandoned", "short_abandoned", "lost", "sl", "sl_with_abandoned",
        "asa_s", "avg_wait_s", "max_wait_s", "aht_s", "cb_requested", "cb_completed", "cb_same_day", "cb_unreachable",
        "fcr", "repeat_callers", "tr_queue", "tr_answered", "tr_not_answered",
    ];

    public static void Write(TextWriter output, IReadOnlyList<string[]> rows, bool csv)
    {
        if (csv)
        {
            output.WriteLine(string.Join(',', Headers));
            foreach (var row in rows)
            {
                output.WriteLine(string.Join(',', row.Select(Quote)));
            }

            return;
        }

        if (rows.Count == 0)
        {
            output.WriteLine("No calls in the period.");
            return;
        }

        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", Headers.Select((h, i) => i < 2 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
        }
    }

    /// <summary>The cells of a report read from Redis.</summary>
    public static string[] Row(QueueReport r, ReportGrouping grouping) =>
    [
        r.Queue,
        Start(r.Start, grouping),
        N(r.Offered), N(r.Answered), N(r.Abandoned), N(r.ShortAbandoned), N(r.Lost),
        P(r.ServiceLevel), P(r.ServiceLevelWithAbandoned),
        S(r.AverageSpeedOfAnswer), S(r.AverageWait), S(r.LongestWait), S(r.AverageHandleTime),
        N(r.CallbacksRequested), N(r.CallbacksCompleted), N(r.CallbacksCompletedSameDay), N(r.CallbacksUnreachable),
        P(r.FirstContactResolution), N(r.RepeatCallers), N(r.TransfersToQueue), N(r.TransfersAnswered), N(r.TransfersNotAnswered),
    ];

    /// <summary>The cells of a report row from the API (<c>GetQueueReport</c>); start shown in <paramref name="zone"/>.</summary>
    public static string[] Row(QueueReportRow r, ReportGrouping grouping, TimeZoneInfo zone) =>
    [
        r.Queue,
        Start(TimeZoneInfo.ConvertTime(r.Start.ToDateTimeOffset(), zone), grouping),
        N(r.Offered), N(r.Answered), N(r.Abandoned), N(r.ShortAbandoned), N(r.Lost),
        P(r.HasServiceLevel ? r.ServiceLevel : null), P(r.HasServiceLevelWithAbandoned ? r.ServiceLevelWithAbandoned : null),
        S(r.AverageSpeedOfAnswer?.ToTimeSpan()), S(r.AverageWait?.ToTimeSpan()), S(r.LongestWait?.ToTimeSpan() ?? TimeSpan.Zero), S(r.AverageHandleTime?.ToTimeSpan()),
        N(r.CallbacksRequested), N(r.CallbacksCompleted), N(r.CallbacksCompletedSameDay), N(r.CallbacksUnreachable),
        P(r.HasFirstContactResolution ? r.FirstContactResolution : null), N(r.RepeatCallers),
        N(r.TransfersToQueue), N(r.TransfersAnswered), N(r.TransfersNotAnswered),
    ];

    private static string Start(DateTimeOffset start, ReportGrouping grouping) =>
        start.ToString(grouping == ReportGrouping.Hour ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string P(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string S(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
        ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;
}
