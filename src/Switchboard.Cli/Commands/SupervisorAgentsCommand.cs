using System.CommandLine;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl supervisor agents [--queue Q] [--all]</c>: agents with their live state; its subcommands
/// (<c>list|show|create|update|disable|import|export</c>) manage the agent directory.
/// </summary>
internal static class SupervisorAgentsCommand
{
    public static Command Create()
    {
        var queue = new Option<string?>("--queue") { Description = "Only agents of this queue" };
        var all = new Option<bool>("--all") { Description = "Include signed-out agents" };
        var command = new Command("agents", "List agents and their live state; subcommands manage the agent directory") { queue, all };
        foreach (var sub in SupervisorDirectoryCommands.Create().Concat(SupervisorDirectoryFileCommands.Create()))
        {
            command.Subcommands.Add(sub);
        }

        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new ListAgentsRequest { Queue = parse.GetValue(queue) ?? string.Empty, IncludeSignedOut = parse.GetValue(all) };
            var response = await client.ListAgentsAsync(request, headers, cancellationToken: cancellationToken);
            if (response.Agents.Count == 0)
            {
                output.WriteLine("no agents");
                return 0;
            }

            output.WriteLine($"{"AGENT",-16} {"STATE",-18} {"SINCE",-8} {"CALL",-20} {"QUEUES",-24} PHONE");
            foreach (var agent in response.Agents)
            {
                output.WriteLine(SupervisorText.Agent(agent));
            }

            return 0;
        }));
        return command;
    }
}
