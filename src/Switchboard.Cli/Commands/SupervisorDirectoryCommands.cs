using System.CommandLine;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.AgentDirectory;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl supervisor agents list|show|create|update|disable</c>: the agent directory (who may sign in, to which queues
/// with which skills, and the SIP account of their phone). Every change is audited on the server.
/// </summary>
internal static class SupervisorDirectoryCommands
{
    public static IEnumerable<Command> Create() => [List(), Show(), CreateAgent(), Update(), Disable()];

    private static Command List()
    {
        var queue = new Option<string?>("--queue") { Description = "Only agents assigned to this queue" };
        var all = new Option<bool>("--all") { Description = "Include disabled agents" };
        var command = new Command("list", "List the agent directory") { queue, all };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new ListDirectoryAgentsRequest { Queue = parse.GetValue(queue) ?? string.Empty, IncludeDisabled = parse.GetValue(all) };
            var response = await client.ListDirectoryAgentsAsync(request, headers, cancellationToken: cancellationToken);
            if (response.Agents.Count == 0)
            {
                output.WriteLine("no agents in the directory");
                return 0;
            }

            output.WriteLine(DirectoryText.Header);
            foreach (var agent in response.Agents)
            {
                output.WriteLine(DirectoryText.Line(agent));
            }

            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var agent = new Argument<string>("AGENT") { Description = "Agent id" };
        var command = new Command("show", "Show one agent's directory entry") { agent };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var entry = await client.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = parse.GetRequiredValue(agent) }, headers, cancellationToken: cancellationToken);
            output.WriteLine(DirectoryText.Details(entry));
            return 0;
        }));
        return command;
    }

    private static Command CreateAgent()
    {
        var agent = new Argument<string>("AGENT") { Description = "Agent id (the subject of the agent's API token)" };
        var fields = new DirectoryEntryOptions();
        var disabled = new Option<bool>("--disabled") { Description = "Create the agent disabled" };
        var command = new Command("create", "Add an agent to the directory; the phone password is given once and stored only as H(A1)") { agent, disabled };
        fields.AddTo(command, update: false);
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var id = parse.GetRequiredValue(agent);
            var entry = new DirectoryAgent { AgentId = id, DisplayName = id, PhoneUser = id, Enabled = !parse.GetValue(disabled) };
            if (!fields.Apply(parse, entry, parse.InvocationConfiguration.Error))
            {
                return 2;
            }

            if (entry.Languages.Count == 0)
            {
                entry.Languages.Add("sv");
            }

            var created = await client.CreateAgentAsync(new CreateAgentRequest { Agent = entry, PhonePassword = fields.Password(parse) }, headers, cancellationToken: cancellationToken);
            output.WriteLine($"created {created.AgentId}: phone account {created.PhoneUser}, queues {string.Join(",", created.Queues)}, skills {DirectoryText.Skills(created)}");
            return 0;
        }));
        return command;
    }

    private static Command Update()
    {
        var agent = new Argument<string>("AGENT") { Description = "Agent id" };
        var fields = new DirectoryEntryOptions();
        var enable = new Option<bool>("--enable") { Description = "Enable a disabled agent" };
        var command = new Command("update", "Change an agent's directory entry; a signed-in agent gets it at the next offer") { agent, enable };
        fields.AddTo(command, update: true);
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var current = await client.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = parse.GetRequiredValue(agent) }, headers, cancellationToken: cancellationToken);
            var entry = current.Clone();
            entry.Enabled |= parse.GetValue(enable);
            if (!fields.Apply(parse, entry, parse.InvocationConfiguration.Error))
            {
                return 2;
            }

            var request = new UpdateAgentRequest { Agent = entry, PhonePassword = fields.Password(parse), ExpectedVersion = current.Version };
            var updated = await client.UpdateAgentAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine($"updated {updated.AgentId} (version {updated.Version}): queues {string.Join(",", updated.Queues)}, skills {DirectoryText.Skills(updated)}, enabled {(updated.Enabled ? "yes" : "no")}");
            return 0;
        }));
        return command;
    }

    private static Command Disable()
    {
        var agent = new Argument<string>("AGENT") { Description = "Agent id" };
        var reason = new Option<string?>("--reason") { Description = "Reason for the audit log" };
        var command = new Command("disable", "Disable an agent: no more offers, signed out, sign-in and phone registration refused") { agent, reason };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new DisableAgentRequest { AgentId = parse.GetRequiredValue(agent), Reason = parse.GetValue(reason) ?? string.Empty };
            var disabled = await client.DisableAgentAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine($"disabled {disabled.AgentId}");
            return 0;
        }));
        return command;
    }
}
