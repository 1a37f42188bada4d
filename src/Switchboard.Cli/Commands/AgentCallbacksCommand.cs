using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl agent callbacks list|claim|complete|cancel</c>: the agent's callbacks (återuppringning) of their own queues
/// over the AgentService (token role agent).
/// </summary>
internal static class AgentCallbacksCommand
{
    private static readonly Option<string> Url = Recursive(ApiConnection.UrlOption());
    private static readonly Option<string?> Token = Recursive(ApiConnection.TokenOption());

    public static Command Create()
    {
        var command = new Command("callbacks", "Your queues' callback requests: list, claim, complete, cancel") { Url, Token };
        command.Subcommands.Add(List());
        command.Subcommands.Add(Claim());
        command.Subcommands.Add(Complete());
        command.Subcommands.Add(Cancel());
        return command;
    }

    private static Command List()
    {
        var queue = new Option<string?>("--queue") { Description = "Only this one of your queues" };
        var command = new Command("list", "List open callbacks of your queues, oldest place first") { queue };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async (client, headers, output) =>
        {
            var response = await client.ListCallbacksAsync(new ListCallbacksRequest { Queue = parse.GetValue(queue) ?? string.Empty }, headers, cancellationToken: cancellationToken);
            if (response.Callbacks.Count == 0)
            {
                output.WriteLine("no open callbacks");
                return 0;
            }

            output.WriteLine($"{"CALLBACK",-36} {"QUEUE",-10} {"STATE",-13} {"TRY",-4} {"PLACE",-16} NUMBER");
            foreach (var c in response.Callbacks)
            {
                output.WriteLine(Line(c));
            }

            return 0;
        }));
        return command;
    }

    private static Command Claim()
    {
        var id = new Argument<string>("ID") { Description = "Callback id (cb-...)" };
        var command = new Command("claim", "Take a callback by hand (out of the queue); end it with 'complete'") { id };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async (client, headers, output) =>
        {
            var response = await client.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = parse.GetRequiredValue(id) }, headers, cancellationToken: cancellationToken);
            output.WriteLine($"{response.Callback.CallbackId}: claimed, call {response.Callback.Number}");
            return 0;
        }));
        return command;
    }

    private static Command Complete()
    {
        var id = new Argument<string>("ID") { Description = "Callback id (cb-...)" };
        var outcome = new Option<string>("--outcome")
        {
            Description = "completed (default), answered, no_answer, busy, failed (these three are retried), unreachable",
            DefaultValueFactory = _ => "completed",
        };
        outcome.AcceptOnlyFromAmong("completed", "answered", "no_answer", "busy", "failed", "unreachable");
        var command = new Command("complete", "End a callback you hold with an outcome") { id, outcome };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async (client, headers, output) =>
        {
            var value = parse.GetValue(outcome) switch
            {
                "answered" => CallbackOutcome.Answered,
                "no_answer" => CallbackOutcome.NoAnswer,
                "busy" => CallbackOutcome.Busy,
                "failed" => CallbackOutcome.Failed,
                "unreachable" => CallbackOutcome.Unreachable,
                _ => CallbackOutcome.Completed,
            };
            var response = await client.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = parse.GetRequiredValue(id), Outcome = value }, headers, cancellationToken: cancellationToken);
            output.WriteLine($"{response.Callback.CallbackId}: {State(response.Callback.State)} ({response.Callback.Outcome})");
            return 0;
        }));
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("ID") { Description = "Callback id (cb-...)" };
        var command = new Command("cancel", "Cancel a callback of your queues") { id };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async (client, headers, output) =>
        {
            var response = await client.CancelCallbackAsync(new CancelCallbackRequest { CallbackId = parse.GetRequiredValue(id) }, headers, cancellationToken: cancellationToken);
            output.WriteLine($"{response.Callback.CallbackId}: cancelled");
            return 0;
        }));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<AgentService.AgentServiceClient, Metadata, TextWriter, Task<int>> call)
    {
        var error = parse.InvocationConfiguration.Error;
        var connection = ApiConnection.From(parse, Url, Token, error);
        if (connection is null)
        {
            return 2;
        }

        using var channel = connection.CreateChannel();
        var client = new AgentService.AgentServiceClient(channel);
        return await RpcErrors.GuardAsync(error, () => call(client, connection.Headers(), parse.InvocationConfiguration.Output));
    }

    private static string Line(Callback c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.CallbackId,-36} {c.Queue,-10} {State(c.State),-13} {c.Attempts}/{c.MaxAttempts,-2} {c.Place.ToDateTimeOffset().ToLocalTime():yyyy-MM-dd HH:mm} {c.Number}");

    private static string State(CallbackState state) => state switch
    {
        CallbackState.Pending => "pending",
        CallbackState.Dialling => "dialling",
        CallbackState.RetryWaiting => "retry_waiting",
        CallbackState.Closed => "closed",
        _ => "unknown",
    };

    private static T Recursive<T>(T option)
        where T : Option
    {
        option.Recursive = true;
        return option;
    }
}
