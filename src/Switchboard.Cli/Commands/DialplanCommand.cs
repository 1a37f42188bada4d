using System.CommandLine;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl dialplan check|simulate</c>.</summary>
internal static class DialplanCommand
{
    public static Command Create()
    {
        var command = new Command("dialplan", "Check and dry-run dialplan YAML files");
        command.Subcommands.Add(DialplanCheckCommand.Create());
        command.Subcommands.Add(DialplanSimulateCommand.Create());
        return command;
    }
}
