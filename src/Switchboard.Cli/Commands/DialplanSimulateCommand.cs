using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Simulation;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl dialplan simulate FILE --at 2026-12-24T10:00 --digits 1 [--json]</c>: a dry run of the IVR.</summary>
internal static class DialplanSimulateCommand
{
    public static Command Create()
    {
        var file = CommonOptions.DialplanFile();
        var prompts = CommonOptions.PromptDirectory();
        var noPromptCheck = CommonOptions.NoPromptCheck();
        var at = new Option<string?>("--at") { Description = "Local time in the dialplan's time zone, e.g. 2026-12-24T10:00 (default: now)" };
        var digits = new Option<string>("--digits") { Description = "Keys the caller presses in order, e.g. 91 or *1", DefaultValueFactory = _ => string.Empty };
        var caller = new Option<string>("--caller") { Description = "Caller number (read back for callbacks)", DefaultValueFactory = _ => "0701234567" };
        var language = new Option<string?>("--language") { Description = "Language the call starts in (default: the dialplan's)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: open, reason, steps, outcome" };
        var command = new Command("simulate", "Walk the IVR at a local time with key presses and print each step and the outcome")
        {
            file, at, digits, caller, language, json, prompts, noPromptCheck,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dialplan = CommonOptions.Load(parse.GetRequiredValue(file), parse.GetValue(prompts), parse.GetValue(noPromptCheck), error);
            if (dialplan is null)
            {
                return 1;
            }

            DateTimeOffset instant;
            if (parse.GetValue(at) is { } atText)
            {
                if (!DateTime.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
                {
                    error.WriteLine($"sbctl: bad --at '{atText}' (expected e.g. 2026-12-24T10:00)");
                    return 2;
                }

                instant = OpeningHoursEvaluator.ToInstant(local, dialplan.TimeZone);
            }
            else
            {
                instant = TimeProvider.System.GetUtcNow();
            }

            var keys = parse.GetValue(digits) ?? string.Empty;
            if (keys.FirstOrDefault(c => !char.IsAsciiDigit(c) && c is not ('*' or '#')) is var bad and not '\0')
            {
                error.WriteLine($"sbctl: bad key '{bad}' in --digits (0-9, * and # only)");
                return 2;
            }

            var result = DialplanSimulator.Run(dialplan, instant, keys, parse.GetValue(caller) ?? "0701234567", parse.GetValue(language));
            if (parse.GetValue(json))
            {
                WriteJson(output, dialplan.Name, dialplan.Version, result);
            }
            else
            {
                WriteText(output, dialplan.Name, dialplan.Version, dialplan.TimeZone.Id, result);
            }

            return 0;
        });
        return command;
    }

    private static void WriteText(TextWriter output, string name, string version, string zone, SimulationResult result)
    {
        var status = result.Status;
        output.WriteLine($"{name} (version {version}) at {status.LocalTime:yyyy-MM-dd HH:mm} {zone}: {(status.Open ? "open" : "closed")} ({status.Reason})");
        var n = 0;
        foreach (var step in result.Steps)
        {
            n++;
            output.WriteLine($"{n,3}. {SimulationText.Event(step.Event)}");
            foreach (var command in step.Commands)
            {
                output.WriteLine($"       -> {SimulationText.Command(command)}");
            }
        }

        output.WriteLine($"outcome: {SimulationText.Outcome(result.Outcome)}");
        if (SimulationText.UnusedNote(result) is { } note)
        {
            output.WriteLine($"note: {note}");
        }
    }

    private static void WriteJson(TextWriter output, string name, string version, SimulationResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("dialplan", name);
            writer.WriteString("version", version);
            writer.WriteString("localTime", result.Status.LocalTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
            writer.WriteBoolean("open", result.Status.Open);
            writer.WriteString("reason", result.Status.Reason);
            writer.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("event", SimulationText.Event(step.Event));
                writer.WriteStartArray("commands");
                foreach (var command in step.Commands)
                {
                    writer.WriteStringValue(SimulationText.Command(command));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("outcome");
            var outcome = result.Outcome;
            writer.WriteString("kind", SimulationText.KindName(outcome));
            if (outcome.Queue is { } queue)
            {
                writer.WriteString("queue", queue);
            }

            if (outcome.Target is { } target)
            {
                writer.WriteString("target", target);
            }

            writer.WriteEndObject();
            writer.WriteString("language", result.Language);
            writer.WriteString("unusedDigits", result.UnusedDigits);
            if (SimulationText.UnusedNote(result) is { } note)
            {
                writer.WriteString("note", note);
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
