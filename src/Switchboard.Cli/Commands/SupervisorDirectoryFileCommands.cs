using System.CommandLine;
using Grpc.Core;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.AgentDirectory;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl supervisor agents import FILE</c> and <c>export [FILE]</c>: the first set-up of a municipality's agents
/// from a YAML or CSV file (<see cref="DirectoryFile"/>), and the directory back out (no secrets).
/// </summary>
internal static class SupervisorDirectoryFileCommands
{
    public static IEnumerable<Command> Create() => [Import(), Export()];

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "YAML or CSV (.csv) file of agents" };
        var command = new Command("import", "Create or update agents from a YAML or CSV file; new agents need phone_password") { file };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            IReadOnlyList<DirectoryFileEntry> entries;
            try
            {
                if (path.Length > DirectoryFile.MaxBytes)
                {
                    throw new FormatException($"the file is larger than {DirectoryFile.MaxBytes / 1024} KiB");
                }

                entries = DirectoryFile.Parse(await File.ReadAllTextAsync(path.FullName, cancellationToken), DirectoryFile.IsCsv(path.Name));
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"sbctl: {path.Name}: {ex.Message}");
                return 2;
            }

            var failed = 0;
            foreach (var entry in entries)
            {
                var result = await ImportOneAsync(client, headers, entry, cancellationToken);
                failed += result.StartsWith("error", StringComparison.Ordinal) ? 1 : 0;
                output.WriteLine($"{entry.Id}: {result}");
            }

            output.WriteLine($"{entries.Count - failed} of {entries.Count} agents imported");
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }

    private static async Task<string> ImportOneAsync(SupervisorService.SupervisorServiceClient client, Metadata headers, DirectoryFileEntry entry, CancellationToken cancellationToken)
    {
        var proto = DirectoryFile.ToProto(entry);
        try
        {
            DirectoryAgent current;
            try
            {
                current = await client.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = proto.AgentId }, headers, cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                await client.CreateAgentAsync(new CreateAgentRequest { Agent = proto, PhonePassword = entry.PhonePassword ?? string.Empty }, headers, cancellationToken: cancellationToken);
                return "created";
            }

            var request = new UpdateAgentRequest { Agent = proto, PhonePassword = entry.PhonePassword ?? string.Empty, ExpectedVersion = current.Version };
            await client.UpdateAgentAsync(request, headers, cancellationToken: cancellationToken);
            return "updated";
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.FailedPrecondition)
        {
            return $"error: {ex.Status.Detail}";
        }
    }

    private static Command Export()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "Write here (.csv: CSV, else YAML); default: YAML on stdout", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("export", "Write the whole directory (disabled agents included, no passwords) as YAML or CSV") { file };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var response = await client.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest { IncludeDisabled = true }, headers, cancellationToken: cancellationToken);
            var path = parse.GetValue(file);
            var text = DirectoryFile.Write(response.Agents, path is not null && DirectoryFile.IsCsv(path.Name));
            if (path is null)
            {
                output.Write(text);
                return 0;
            }

            await File.WriteAllTextAsync(path.FullName, text, cancellationToken);
            output.WriteLine($"{response.Agents.Count} agents written to {path.Name}");
            return 0;
        }));
        return command;
    }
}
