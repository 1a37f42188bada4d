using System.CommandLine;
using Google.Protobuf;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor hours get|set|clear</c>: the live opening hours and dated exceptions.</summary>
internal static class SupervisorHoursCommand
{
    public static Command Create()
    {
        var command = new Command("hours", "Read or replace the live opening hours (weekly ranges, lunch, holidays, dated exceptions)");
        command.Subcommands.Add(Get());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Clear());
        return command;
    }

    private static Command Get()
    {
        var json = new Option<bool>("--json") { Description = "Print the hours as protobuf JSON (usable with 'hours set --file')" };
        var command = new Command("get", "Print the hours in force (live override or the dialplan's)") { json };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var hours = await client.GetOpeningHoursAsync(new GetOpeningHoursRequest(), headers, cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonFormatter.Default.Format(hours));
            }
            else
            {
                SupervisorText.WriteHours(output, hours);
            }

            return 0;
        }));
        return command;
    }

    private static Command Set()
    {
        var weekly = new Option<string[]>("--weekly") { Description = "Open days and ranges, e.g. 1-5=08:00-16:30 or 1,3=08:00-12:00,13:00-16:00 (ISO weekdays 1=Mon..7=Sun; repeatable)" };
        var lunch = new Option<string?>("--lunch") { Description = "Lunch closure on open days, e.g. 12:00-13:00" };
        var holidaysOpen = new Option<bool>("--holidays-open") { Description = "Keep public holidays open (default: closed)" };
        var exceptions = new Option<string[]>("--exception") { Description = "Dated exception: 2026-12-24=closed or 2026-12-23=08:00-12:00, optional ;note (repeatable)" };
        var file = new Option<FileInfo?>("--file") { Description = "Read the complete hours from a protobuf JSON file (as printed by 'hours get --json') instead of flags" };
        var command = new Command("set", "Replace the live opening hours (validated and audited on the server)") { weekly, lunch, holidaysOpen, exceptions, file };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            OpeningHours? hours;
            if (parse.GetValue(file) is { } path)
            {
                hours = OpeningHoursInput.FromJsonFile(path, error);
            }
            else
            {
                hours = OpeningHoursInput.FromFlags(parse.GetValue(weekly) ?? [], parse.GetValue(lunch), !parse.GetValue(holidaysOpen), parse.GetValue(exceptions) ?? [], error);
            }

            if (hours is null)
            {
                return Task.FromResult(2);
            }

            return SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
            {
                var updated = await client.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { Hours = hours }, headers, cancellationToken: cancellationToken);
                SupervisorText.WriteHours(output, updated);
                return 0;
            });
        });
        return command;
    }

    private static Command Clear()
    {
        var command = new Command("clear", "Remove the live override: the published dialplan's hours apply again");
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var hours = await client.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, headers, cancellationToken: cancellationToken);
            SupervisorText.WriteHours(output, hours);
            return 0;
        }));
        return command;
    }
}
