using System.Globalization;
using Switchboard.Acd.Live;
using Switchboard.Dialplan.Model;
using DialplanHours = Switchboard.Dialplan.Hours;
using ProtoHours = Switchboard.Api.Supervisor.V1.OpeningHours;

namespace Switchboard.Api.Live;

/// <summary>
/// Converts opening hours from the supervisor contract or the shared live override (<see cref="LiveHours"/>) to the
/// dialplan model (<see cref="DialplanHours.OpeningHours"/>), validating every range and date with a clear message, and
/// the dialplan's hours back to the contract.
/// </summary>
public static class OpeningHoursMapper
{
    /// <summary>Converts and validates; returns null and the problems when the input is bad.</summary>
    public static DialplanHours.OpeningHours? ToDialplan(ProtoHours hours, out IReadOnlyList<string> errors) =>
        ToDialplan(LiveSettingsMapper.ToLive(hours), out errors);

    /// <summary>Converts and validates; returns null and the problems when the input is bad.</summary>
    public static DialplanHours.OpeningHours? ToDialplan(LiveHours hours, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var problems = new List<string>();
        var weekly = new List<DialplanHours.WeeklyRange>();
        foreach (var range in hours.Weekly)
        {
            if (range.IsoWeekday is < 1 or > 7)
            {
                problems.Add($"iso_weekday {range.IsoWeekday} must be 1 (Monday) to 7 (Sunday)");
                continue;
            }

            var parsed = Parse(range.Range, problems);
            if (parsed is { } r)
            {
                var day = (DayOfWeek)(range.IsoWeekday % 7);
                if (weekly.Any(w => w.Day == day && w.Range.Overlaps(r)))
                {
                    problems.Add($"weekday {range.IsoWeekday}: range {range.Range} overlaps another range");
                }

                weekly.Add(new DialplanHours.WeeklyRange(day, r, SourceLocation.None));
            }
        }

        DialplanHours.TimeRange? lunch = string.IsNullOrWhiteSpace(hours.Lunch) ? null : Parse(hours.Lunch, problems);
        List<DialplanHours.TimeRange>? dayBefore = hours.DayBeforeHoliday is { Count: > 0 } shortened
            ? [.. shortened.Select(h => Parse(h, problems)).OfType<DialplanHours.TimeRange>()]
            : null;
        var exceptions = new List<DialplanHours.DatedException>();
        foreach (var exception in hours.Exceptions)
        {
            if (!DateOnly.TryParseExact(exception.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"exception date '{exception.Date}' must be yyyy-MM-dd");
                continue;
            }

            if (exceptions.Any(e => e.Date == date))
            {
                problems.Add($"exception date {exception.Date} appears twice");
                continue;
            }

            var ranges = exception.Hours.Select(h => Parse(h, problems)).OfType<DialplanHours.TimeRange>().ToList();
            if (!exception.Closed && exception.Hours.Count == 0)
            {
                problems.Add($"exception {exception.Date}: give closed=true or at least one hours range");
            }

            exceptions.Add(new DialplanHours.DatedException(
                date, exception.Closed, exception.Closed ? [] : ranges, [.. exception.Prompts], NullIfEmpty(exception.Note), SourceLocation.None));
        }

        errors = problems;
        return problems.Count > 0
            ? null
            : new DialplanHours.OpeningHours(weekly, lunch, hours.HolidaysClosed, dayBefore, exceptions, SourceLocation.None);
    }

    /// <summary>Converts the dialplan's hours to the contract (source <c>dialplan</c>).</summary>
    public static ProtoHours FromDialplan(DialplanHours.OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var result = new ProtoHours
        {
            Lunch = hours.Lunch?.ToString() ?? "",
            HolidaysClosed = hours.Holidays,
            Source = "dialplan",
        };
        result.Weekly.AddRange(hours.Weekly.Select(w => new Supervisor.V1.WeeklyRange
        {
            IsoWeekday = w.Day == DayOfWeek.Sunday ? 7 : (int)w.Day,
            Range = w.Range.ToString(),
        }));
        result.DayBeforeHoliday.AddRange((hours.DayBeforeHoliday ?? []).Select(r => r.ToString()));
        foreach (var e in hours.Exceptions)
        {
            var exception = new Supervisor.V1.DatedException
            {
                Date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Closed = e.Closed,
                Note = e.Note ?? "",
            };
            exception.Hours.AddRange(e.Hours.Select(h => h.ToString()));
            exception.Prompts.AddRange(e.Prompts);
            result.Exceptions.Add(exception);
        }

        return result;
    }

    private static DialplanHours.TimeRange? Parse(string text, List<string> problems)
    {
        var range = DialplanHours.TimeRange.TryParse(text ?? "", out var error);
        if (range is null)
        {
            problems.Add(error ?? $"bad time range '{text}'");
        }

        return range;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
