using System.ComponentModel;
using System.Globalization;

namespace Switchboard.Server.Configuration;

/// <summary>
/// A length of time as a setting may give it: seconds (<c>300</c>, <c>2.5</c>) or a time span (<c>00:05:00</c>,
/// <c>1.00:00:00</c>). A plain <see cref="TimeSpan"/> setting reads <c>300</c> as 300 days; settings documented as
/// accepting seconds use this type. Converts to and from <see cref="TimeSpan"/>.
/// </summary>
[TypeConverter(typeof(DurationConverter))]
public readonly record struct Duration(TimeSpan Value)
{
    /// <summary>Parses seconds or a time span (invariant culture); false for anything else or a negative value.</summary>
    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds is < 0 or > 100 * 365 * 86_400.0 || double.IsNaN(seconds))
            {
                return false;
            }

            duration = new Duration(TimeSpan.FromSeconds(seconds));
            return true;
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            duration = new Duration(span);
            return true;
        }

        return false;
    }

    public static implicit operator TimeSpan(Duration duration) => duration.Value;

    public static implicit operator Duration(TimeSpan value) => new(value);

    public TimeSpan ToTimeSpan() => Value;

    public static Duration FromTimeSpan(TimeSpan value) => new(value);

    public override string ToString() => Value.ToString("c", CultureInfo.InvariantCulture);
}
