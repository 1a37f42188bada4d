using System.CommandLine;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor force-state AGENT logout|pause|ready [--reason TEXT]</c>: e.g. sign out someone who went home. Audited.</summary>
internal static class SupervisorForceStateCommand
{
    public static Command Create()
    {
        var agent = new Argument<string>("AGENT") { Description = "Agent id" };
        var state = new Argument<string>("STATE") { Description = "logout, pause or ready" };
        state.AcceptOnlyFromAmong("logout", "pause", "ready");
        var reason = new Option<string?>("--reason") { Description = "Reason for the audit log" };
        var command = new Command("force-state", "Force an agent's state (logout, pause, ready); audited") { agent, state, reason };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var target = parse.GetRequiredValue(state) switch
            {
                "logout" => AgentState.SignedOut,
                "pause" => AgentState.Paused,
                _ => AgentState.Ready,
            };
            var request = new ForceAgentStateRequest { AgentId = parse.GetRequiredValue(agent), State = target, Reason = parse.GetValue(reason) ?? string.Empty };
            var response = await client.ForceAgentStateAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine($"{response.Agent.AgentId}: {SupervisorText.State(response.Agent.State)}");
            return 0;
        }));
        return command;
    }
}
