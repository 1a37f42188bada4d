using System.Globalization;
using Google.Protobuf;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>Builds an <see cref="OpeningHours"/> message from <c>hours set</c> flags or a JSON file; the server validates ranges and dates.</summary>
internal static class OpeningHoursInput
{
    public static OpeningHours? FromJsonFile(FileInfo file, TextWriter error)
    {
        try
        {
            return JsonParser.Default.Parse<OpeningHours>(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException)
        {
            error.WriteLine($"sbctl: cannot read hours from {file}: {ex.Message}");
            return null;
        }
    }

    public static OpeningHours? FromFlags(string[] weekly, string? lunch, bool holidaysClosed, string[] exceptions, TextWriter error)
    {
        var hours = new OpeningHours { Lunch = lunch ?? string.Empty, HolidaysClosed = holidaysClosed };
        foreach (var spec in weekly)
        {
            var parts = spec.Split('=', 2);
            if (parts.Length != 2 || ParseDays(parts[0]) is not { } days || parts[1].Length == 0)
            {
                error.WriteLine($"sbctl: bad --weekly '{spec}' (expected e.g. 1-5=08:00-16:30; weekdays 1-7)");
                return null;
            }

            foreach (var day in days)
            {
                foreach (var range in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    hours.Weekly.Add(new WeeklyRange { IsoWeekday = day, Range = range });
                }
            }
        }

        foreach (var spec in exceptions)
        {
            var noteSplit = spec.Split(';', 2);
            var parts = noteSplit[0].Split('=', 2);
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || parts[1].Length == 0)
            {
                error.WriteLine($"sbctl: bad --exception '{spec}' (expected 2026-12-24=closed or 2026-12-23=08:00-12:00, optional ;note)");
                return null;
            }

            var exception = new DatedException { Date = parts[0], Note = noteSplit.Length == 2 ? noteSplit[1] : string.Empty };
            if (parts[1].Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                exception.Closed = true;
            }
            else
            {
                exception.Hours.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            hours.Exceptions.Add(exception);
        }

        return hours;
    }

    /// <summary>"1-5", "6", "1,3,5" to ISO weekdays; null when malformed.</summary>
    private static List<int>? ParseDays(string text)
    {
        var days = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = item.Split('-', 2);
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first is < 1 or > 7)
            {
                return null;
            }

            var last = first;
            if (bounds.Length == 2 && (!int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out last) || last < first || last > 7))
            {
                return null;
            }

            for (var day = first; day <= last; day++)
            {
                days.Add(day);
            }
        }

        return days;
    }
}
