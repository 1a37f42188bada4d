using System.CommandLine;
using Grpc.Core;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor hours|emergency|dialplan|agents|force-state|queues</c> against the gRPC SupervisorService.</summary>
internal static class SupervisorCommand
{
    /// <summary><c>--url</c>, shared by every supervisor subcommand.</summary>
    private static readonly Option<string> Url = Recursive(ApiConnection.UrlOption());

    /// <summary><c>--token</c> (role supervisor), shared by every supervisor subcommand.</summary>
    private static readonly Option<string?> Token = Recursive(ApiConnection.TokenOption());

    public static Command Create()
    {
        var command = new Command("supervisor", "Operate a running switchboard: hours, emergency message, dialplan versions, agents, live queues")
        {
            Url, Token,
        };
        command.Subcommands.Add(SupervisorHoursCommand.Create());
        command.Subcommands.Add(SupervisorEmergencyCommand.Create());
        command.Subcommands.Add(SupervisorDialplanCommand.Create());
        command.Subcommands.Add(SupervisorAgentsCommand.Create());
        command.Subcommands.Add(SupervisorForceStateCommand.Create());
        command.Subcommands.Add(SupervisorQueuesCommand.Create());
        command.Subcommands.Add(SupervisorCallbacksCommand.Create());
        return command;
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a SupervisorService client for the parsed <c>--url</c>/<c>--token</c>;
    /// connection and RPC errors become one line on stderr and exit code 1, bad options exit 2.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<SupervisorService.SupervisorServiceClient, Metadata, TextWriter, Task<int>> call)
    {
        var error = parse.InvocationConfiguration.Error;
        var connection = ApiConnection.From(parse, Url, Token, error);
        if (connection is null)
        {
            return 2;
        }

        using var channel = connection.CreateChannel();
        var client = new SupervisorService.SupervisorServiceClient(channel);
        return await RpcErrors.GuardAsync(error, () => call(client, connection.Headers(), parse.InvocationConfiguration.Output));
    }

    private static T Recursive<T>(T option)
        where T : Option
    {
        option.Recursive = true;
        return option;
    }
}
