using System.CommandLine;
using System.Globalization;
using Switchboard.Dialplan.Hours;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl hours FILE --from DATE --days N [--queue ID]</c>: the opening calendar with holidays named, as callers get
/// it (a queue's hours cut to the line's); <c>sbctl hours FILE --now</c>: open or closed now, and until when.
/// </summary>
internal static class HoursCommand
{
    public static Command Create()
    {
        var file = CommonOptions.DialplanFile();
        var prompts = CommonOptions.PromptDirectory();
        var noPromptCheck = CommonOptions.NoPromptCheck();
        var from = new Option<string?>("--from") { Description = "First date, YYYY-MM-DD (default: today in the dialplan's time zone)" };
        var days = new Option<int>("--days") { Description = "Number of days (1-1000)", DefaultValueFactory = _ => 14 };
        var queue = new Option<string?>("--queue") { Description = "Show the hours a caller can reach this queue (its own hours inside the line's)" };
        var now = new Option<bool>("--now") { Description = "Print only whether the line is open now and until when (or when it opens)" };
        var command = new Command("hours", "Print the opening calendar as callers get it, holidays named") { file, from, days, queue, now, prompts, noPromptCheck };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dialplan = CommonOptions.Load(parse.GetRequiredValue(file), parse.GetValue(prompts), parse.GetValue(noPromptCheck), error);
            if (dialplan is null)
            {
                return 1;
            }

            if (parse.GetValue(now))
            {
                output.WriteLine(NowLine(dialplan.Name, OpeningForecast.At(dialplan.Hours, dialplan.TimeZone, TimeProvider.System.GetUtcNow())));
                return 0;
            }

            DateOnly start;
            if (parse.GetValue(from) is { } fromText)
            {
                if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                {
                    error.WriteLine($"sbctl: bad --from '{fromText}' (expected YYYY-MM-DD)");
                    return 2;
                }
            }
            else
            {
                start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), dialplan.TimeZone).DateTime);
            }

            var count = parse.GetValue(days);
            if (count is < 1 or > 1000)
            {
                error.WriteLine($"sbctl: --days must be between 1 and 1000, not {count}");
                return 2;
            }

            var title = dialplan.Name;
            OpeningHours? queueHours = null;
            if (parse.GetValue(queue) is { } queueId)
            {
                if (!dialplan.Queues.TryGetValue(queueId, out var q))
                {
                    error.WriteLine($"sbctl: unknown queue '{queueId}' (queues: {string.Join(", ", dialplan.Queues.Keys)})");
                    return 2;
                }

                queueHours = q.Hours;
                title = $"{dialplan.Name}, queue {q.Id} as callers reach it ({(q.Hours is null ? "the line's hours" : "its own hours inside the line's")})";
            }

            output.WriteLine($"{title}: opening hours ({dialplan.TimeZone.Id})");
            for (var i = 0; i < count; i++)
            {
                var day = OpeningForecast.ForQueue(dialplan.Hours, queueHours, start.AddDays(i));
                var open = day.Open.Count == 0 ? "closed" : string.Join(", ", day.Open);
                var note = day.Reason switch
                {
                    _ when day.Holiday is not null && day.Reason == OpenReason.Exception => $"{day.Holiday.Name}, exception{Suffix(day.Note)}",
                    _ when day.Holiday is not null => day.Holiday.Name,
                    OpenReason.Exception => $"exception{Suffix(day.Note)}",
                    OpenReason.DayBeforeHoliday => "day before holiday",
                    _ => string.Empty,
                };
                var weekday = CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day.Date.DayOfWeek);
                output.WriteLine($"{day.Date:yyyy-MM-dd} {weekday}  {open,-26} {note}".TrimEnd());
            }

            return 0;
        });
        return command;
    }

    /// <summary>One line: <c>open now (weekly) until 17:00 today</c> or <c>closed now (weekly), opens Mon 2026-12-07 08:00</c>.</summary>
    internal static string NowLine(string name, LineForecast forecast)
    {
        var state = forecast.Open ? "open" : "closed";
        var change = forecast.ChangesAt switch
        {
            null when forecast.Open => ", around the clock",
            null => ", no opening within a year",
            { } at when forecast.Open => $", until {When(forecast.LocalTime, at)}",
            { } at => $", opens {When(forecast.LocalTime, at)}",
        };
        return $"{name}: {state} now ({forecast.Reason}, {forecast.LocalTime:yyyy-MM-dd HH:mm}){change}";
    }

    private static string When(DateTime now, DateTime at) => (DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(now).DayNumber) switch
    {
        0 => $"{at:HH:mm} today",
        1 => $"{at:HH:mm} tomorrow",
        _ => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(at.DayOfWeek)} {at:yyyy-MM-dd HH:mm}",
    };

    private static string Suffix(string? note) => note is null ? string.Empty : $": {note}";
}
