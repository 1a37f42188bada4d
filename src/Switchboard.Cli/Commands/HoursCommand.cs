using System.CommandLine;
using System.Globalization;
using Switchboard.Dialplan.Hours;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl hours FILE --from DATE --days N [--queue ID]</c>: the opening calendar with holidays named.</summary>
internal static class HoursCommand
{
    public static Command Create()
    {
        var file = CommonOptions.DialplanFile();
        var prompts = CommonOptions.PromptDirectory();
        var noPromptCheck = CommonOptions.NoPromptCheck();
        var from = new Option<string?>("--from") { Description = "First date, YYYY-MM-DD (default: today in the dialplan's time zone)" };
        var days = new Option<int>("--days") { Description = "Number of days (1-1000)", DefaultValueFactory = _ => 14 };
        var queue = new Option<string?>("--queue") { Description = "Show a queue's own hours instead of the dialplan's" };
        var command = new Command("hours", "Print the opening calendar, holidays named") { file, from, days, queue, prompts, noPromptCheck };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dialplan = CommonOptions.Load(parse.GetRequiredValue(file), parse.GetValue(prompts), parse.GetValue(noPromptCheck), error);
            if (dialplan is null)
            {
                return 1;
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

            var hours = dialplan.Hours;
            var title = dialplan.Name;
            if (parse.GetValue(queue) is { } queueId)
            {
                if (!dialplan.Queues.TryGetValue(queueId, out var q))
                {
                    error.WriteLine($"sbctl: unknown queue '{queueId}' (queues: {string.Join(", ", dialplan.Queues.Keys)})");
                    return 2;
                }

                hours = q.Hours ?? dialplan.Hours;
                title = $"{dialplan.Name}, queue {q.Id}{(q.Hours is null ? " (dialplan hours)" : string.Empty)}";
            }

            output.WriteLine($"{title}: opening hours ({dialplan.TimeZone.Id})");
            foreach (var day in OpeningCalendar.Range(hours, start, count))
            {
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

    private static string Suffix(string? note) => note is null ? string.Empty : $": {note}";
}
