using System.CommandLine;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor dialplan validate|publish FILE</c>, <c>rollback VERSION</c>, <c>show [VERSION]</c>: dialplan versions on the server.</summary>
internal static class SupervisorDialplanCommand
{
    public static Command Create()
    {
        var command = new Command("dialplan", "Validate, publish, roll back and show the server's dialplan versions");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Publish());
        command.Subcommands.Add(Rollback());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Validate()
    {
        var file = CommonOptions.DialplanFile();
        var command = new Command("validate", "Validate a file on the server (same checks as publish); problems as FILE:line:col: severity: message, exit 1 when invalid") { file };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var path = parse.GetRequiredValue(file);
            if (ReadFile(path, parse.InvocationConfiguration.Error) is not { } yaml)
            {
                return 2;
            }

            var response = await client.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = yaml }, headers, cancellationToken: cancellationToken);
            foreach (var problem in response.Problems)
            {
                output.WriteLine(SupervisorText.Problem(path.ToString(), problem));
            }

            output.WriteLine(response.Valid ? $"{path}: valid" : $"{path}: invalid ({response.Problems.Count(p => p.Severity == "error")} errors)");
            return response.Valid ? 0 : 1;
        }));
        return command;
    }

    private static Command Publish()
    {
        var file = CommonOptions.DialplanFile();
        var comment = new Option<string?>("--comment") { Description = "Comment for the audit log" };
        var expect = new Option<long>("--expect-version") { Description = "Refuse unless the current version is this one (optimistic check; 0: skip)" };
        var command = new Command("publish", "Validate and publish a file as the new version; every node reloads it, calls in the menu keep their version") { file, comment, expect };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var path = parse.GetRequiredValue(file);
            if (ReadFile(path, parse.InvocationConfiguration.Error) is not { } yaml)
            {
                return 2;
            }

            var request = new PublishDialplanRequest { Yaml = yaml, Comment = parse.GetValue(comment) ?? string.Empty, ExpectedCurrentSequence = parse.GetValue(expect) };
            var response = await client.PublishDialplanAsync(request, headers, cancellationToken: cancellationToken);
            foreach (var problem in response.Problems)
            {
                output.WriteLine(SupervisorText.Problem(path.ToString(), problem));
            }

            output.WriteLine("published " + SupervisorText.Version(response.Version));
            return 0;
        }));
        return command;
    }

    private static Command Rollback()
    {
        var version = new Argument<long>("VERSION") { Description = "Version (sequence number) to publish again" };
        var comment = new Option<string?>("--comment") { Description = "Comment for the audit log" };
        var command = new Command("rollback", "Publish an earlier version again (as a new version)") { version, comment };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new RollbackDialplanRequest { Sequence = parse.GetValue(version), Comment = parse.GetValue(comment) ?? string.Empty };
            var response = await client.RollbackDialplanAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine("published " + SupervisorText.Version(response.Version));
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var version = new Argument<long>("VERSION") { Description = "Version to show (default: the current one)", DefaultValueFactory = _ => 0 };
        var history = new Option<int>("--history") { Description = "Print this many history entries instead of the YAML", DefaultValueFactory = _ => 0 };
        var command = new Command("show", "Print the current (or a given) version's YAML, or the version history with --history N") { version, history };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var limit = parse.GetValue(history);
            var response = await client.GetDialplanAsync(new GetDialplanRequest { Sequence = parse.GetValue(version), HistoryLimit = Math.Clamp(limit, 1, 200) }, headers, cancellationToken: cancellationToken);
            if (limit > 0)
            {
                foreach (var entry in response.History)
                {
                    output.WriteLine(SupervisorText.Version(entry));
                }

                return 0;
            }

            if (string.IsNullOrEmpty(response.Yaml))
            {
                output.WriteLine("no dialplan published yet");
                return 0;
            }

            output.Write(response.Yaml);
            return 0;
        }));
        return command;
    }

    private static string? ReadFile(FileInfo file, TextWriter error)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sbctl: cannot read {file}: {ex.Message}");
            return null;
        }
    }
}
