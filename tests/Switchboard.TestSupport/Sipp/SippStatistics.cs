using System.Globalization;

namespace Switchboard.TestSupport;

/// <summary>
/// The cumulative figures from the last line of SIPp's statistics CSV (<c>-trace_stat -stf</c>).
/// </summary>
public sealed record SippStatistics(IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>No statistics (SIPp did not write the file).</summary>
    public static SippStatistics Empty { get; } = new(new Dictionary<string, string>());

    public long SuccessfulCalls => GetCount("SuccessfulCall(C)");

    public long FailedCalls => GetCount("FailedCall(C)");

    public long OutgoingCalls => GetCount("OutgoingCall(C)");

    public long IncomingCalls => GetCount("IncomingCall(C)");

    public long Retransmissions => GetCount("Retransmissions(C)");

    /// <summary>Average of the first <c>rtd</c> timer (e.g. INVITE -> 200) over the run; null when the file has no such column.</summary>
    public TimeSpan? ResponseTime => GetDuration("ResponseTime1(C)");

    /// <summary>Average call length over the run.</summary>
    public TimeSpan? CallLength => GetDuration("CallLength(C)");

    /// <summary>A counter column, 0 when absent.</summary>
    public long GetCount(string column) =>
        Columns.TryGetValue(column, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    /// <summary>A duration column (SIPp writes <c>hh:mm:ss:microseconds</c>), null when absent or unreadable.</summary>
    public TimeSpan? GetDuration(string column)
    {
        if (!Columns.TryGetValue(column, out var text))
        {
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length != 4
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
        {
            return null;
        }

        return new TimeSpan(hours, minutes, seconds) + TimeSpan.FromMicroseconds(microseconds);
    }

    /// <summary>Parses a SIPp statistics CSV (semicolon-separated, header first); the last data line wins.</summary>
    public static SippStatistics Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return Empty;
        }

        var header = lines[0].Split(';');
        var values = lines[^1].Split(';');
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < values.Length; i++)
        {
            if (header[i].Length > 0)
            {
                columns[header[i]] = values[i];
            }
        }

        return new SippStatistics(columns);
    }
}
