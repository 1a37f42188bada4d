using System.Globalization;
using Switchboard.Dialplan.Hours;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Reading <c>hours:</c> sections.</summary>
public static partial class DialplanLoader
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static OpeningHours? ReadHours(YamlContext context, PromptChecker prompts, YamlNode? node, string what)
    {
        if (context.Map(node, what) is not { } map)
        {
            return null;
        }

        var weekly = new List<WeeklyRange>();
        if (context.Map(map["weekly"], $"{what}.weekly") is { } weeklyMap)
        {
            foreach (var (key, keyNode, value) in weeklyMap.Entries)
            {
                var days = ParseDays(key);
                if (days is null)
                {
                    context.Error(keyNode, $"bad day '{key}' (use mon, tue, wed, thu, fri, sat, sun or a span like mon-fri)");
                    continue;
                }

                foreach (var range in ReadRanges(context, value, $"{what}.weekly.{key}"))
                {
                    foreach (var day in days)
                    {
                        var location = context.At(value);
                        var clash = weekly.FirstOrDefault(w => w.Day == day && w.Range.Overlaps(range));
                        if (clash is not null)
                        {
                            context.Error(value, $"{key} {range} overlaps {DayNames[(int)day]} {clash.Range} (line {clash.Location.Line})");
                            continue;
                        }

                        weekly.Add(new WeeklyRange(day, range, location));
                    }
                }
            }
        }
        else if (map["weekly"] is null)
        {
            context.Error(map.Node, $"{what} needs 'weekly'");
        }

        TimeRange? lunch = null;
        if (map["lunch"] is { } lunchNode && ReadRanges(context, lunchNode, $"{what}.lunch") is [var onlyLunch])
        {
            lunch = onlyLunch;
        }

        var holidays = true;
        if (context.Scalar(map["holidays"], $"{what}.holidays") is { } holidayText)
        {
            switch (holidayText.ToLowerInvariant())
            {
                case "sweden" or "se":
                    break;
                case "none" or "false" or "no":
                    holidays = false;
                    break;
                default:
                    context.Error(map["holidays"]!, $"holidays must be 'sweden' or 'none', not '{holidayText}'");
                    break;
            }
        }

        List<TimeRange>? dayBefore = map["day_before_holiday"] is { } dayBeforeNode ? ReadRanges(context, dayBeforeNode, $"{what}.day_before_holiday") : null;
        var exceptions = new List<DatedException>();
        if (map["exceptions"] is { } exceptionsNode)
        {
            if (exceptionsNode is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    if (ReadException(context, prompts, item, $"{what}.exceptions") is { } exception)
                    {
                        if (exceptions.FirstOrDefault(e => e.Date == exception.Date) is { } twin)
                        {
                            context.Error(item, $"a second exception for {exception.Date:yyyy-MM-dd} (first on line {twin.Location.Line})");
                            continue;
                        }

                        exceptions.Add(exception);
                    }
                }
            }
            else
            {
                context.Error(exceptionsNode, $"{what}.exceptions must be a list");
            }
        }

        map.ReportUnknown(what);
        return new OpeningHours(weekly, lunch, holidays, dayBefore, exceptions, context.At(map.Node));
    }

    private static DatedException? ReadException(YamlContext context, PromptChecker prompts, YamlNode node, string what)
    {
        if (context.Map(node, what) is not { } map)
        {
            return null;
        }

        var dateNode = map.Require("date", "an exception");
        var dateText = context.Scalar(dateNode, "date");
        DateOnly date = default;
        var ok = dateText is not null && DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (dateText is not null && !ok)
        {
            context.Error(dateNode!, $"bad date '{dateText}' (expected YYYY-MM-DD)");
        }

        var closed = context.Bool(map["closed"], "closed") ?? false;
        var ranges = map["hours"] is { } hoursNode ? ReadRanges(context, hoursNode, "hours") : [];
        if (closed && ranges.Count > 0)
        {
            context.Error(map.Node, "an exception is either closed or has hours, not both");
        }
        else if (!closed && ranges.Count == 0 && map["hours"] is null)
        {
            context.Error(map.Node, "an exception needs 'closed: true' or 'hours'");
        }

        var promptList = prompts.Read(map["prompt"], "prompt");

        var note = context.Scalar(map["note"], "note");
        map.ReportUnknown("an exception");
        return ok ? new DatedException(date, closed, ranges, promptList, note, context.At(node)) : null;
    }

    private static List<TimeRange> ReadRanges(YamlContext context, YamlNode node, string what)
    {
        var list = new List<TimeRange>();
        foreach (var (text, item) in context.ScalarList(node, what))
        {
            var range = TimeRange.TryParse(text, out var error);
            if (range is null)
            {
                context.Error(item, error!);
                continue;
            }

            if (list.Exists(r => r.Overlaps(range.Value)))
            {
                context.Error(item, $"{what}: {range} overlaps another range");
                continue;
            }

            list.Add(range.Value);
        }

        return list;
    }

    private static DayOfWeek[]? ParseDays(string key)
    {
        var parts = key.ToLowerInvariant().Split('-', StringSplitOptions.TrimEntries);
        var first = Array.IndexOf(DayNames, parts[0]);
        if (parts.Length == 1)
        {
            return first < 0 ? null : [(DayOfWeek)first];
        }

        var last = parts.Length == 2 ? Array.IndexOf(DayNames, parts[1]) : -1;
        if (first < 0 || last < 0)
        {
            return null;
        }

        // Spans run in Swedish week order (mon..sun), so mon-sun covers all seven days.
        var days = new List<DayOfWeek>();
        var monFirst = (first + 6) % 7;
        var monLast = (last + 6) % 7;
        if (monLast < monFirst)
        {
            return null;
        }

        for (var i = monFirst; i <= monLast; i++)
        {
            days.Add((DayOfWeek)((i + 1) % 7));
        }

        return [.. days];
    }
}
