using System.Globalization;

namespace Switchboard.Dialplan.Hours;

/// <summary>A local time range <c>HH:mm-HH:mm</c>, start inclusive, end exclusive. <c>24:00</c> is the end of the day.</summary>
public readonly record struct TimeRange(TimeSpan Start, TimeSpan End)
{
    /// <summary>True when <paramref name="time"/> (time of day) lies in the range.</summary>
    public bool Contains(TimeSpan time) => time >= Start && time < End;

    /// <summary>True when the two ranges share any minute.</summary>
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    /// <summary>Parses <c>08:00-17:00</c>; null with an error for bad text.</summary>
    public static TimeRange? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            error = $"bad time range '{text}' (expected HH:mm-HH:mm)";
            return null;
        }

        if (!TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            error = $"bad time in '{text}' (expected HH:mm between 00:00 and 24:00)";
            return null;
        }

        if (end <= start)
        {
            error = $"time range '{text}' ends before it starts";
            return null;
        }

        return new TimeRange(start, end);
    }

    /// <summary>Parses <c>HH:mm</c> (00:00 to 24:00).</summary>
    public static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0))
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan t) => $"{(int)t.TotalHours:00}:{t.Minutes:00}";
}
