using System.CommandLine;
using System.Globalization;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor callbacks list [--queue Q] [--limit N]</c> and <c>sbctl supervisor callbacks cancel ID [--reason TEXT]</c>.</summary>
internal static class SupervisorCallbacksCommand
{
    public static Command Create()
    {
        var command = new Command("callbacks", "Open callback requests (återuppringning): list, cancel");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Cancel());
        return command;
    }

    /// <summary>One line per callback: id, queue, state, attempts, place, expiry, agent, number.</summary>
    public static string Line(Callback c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.CallbackId,-36} {c.Queue,-10} {State(c.State),-13} {c.Attempts}/{c.MaxAttempts,-2} {Time(c.Place),-16} {Time(c.ExpiresAt),-16} {(c.AgentId.Length > 0 ? c.AgentId : "-"),-12} {(c.Number.Length > 0 ? c.Number : "(deleted)")}");

    public static string Header => $"{"CALLBACK",-36} {"QUEUE",-10} {"STATE",-13} {"TRY",-4} {"PLACE",-16} {"EXPIRES",-16} {"AGENT",-12} NUMBER";

    private static Command List()
    {
        var queue = new Option<string?>("--queue") { Description = "Only this queue" };
        var limit = new Option<int>("--limit") { Description = "At most this many (default and maximum 200)" };
        var command = new Command("list", "List open callbacks, oldest place first") { queue, limit };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new ListCallbacksRequest { Queue = parse.GetValue(queue) ?? string.Empty, Limit = parse.GetValue(limit) };
            var response = await client.ListCallbacksAsync(request, headers, cancellationToken: cancellationToken);
            if (response.Callbacks.Count == 0)
            {
                output.WriteLine("no open callbacks");
                return 0;
            }

            output.WriteLine(Header);
            foreach (var callback in response.Callbacks)
            {
                output.WriteLine(Line(callback));
            }

            return 0;
        }));
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("ID") { Description = "Callback id (cb-...)" };
        var reason = new Option<string?>("--reason") { Description = "Reason for the audit log" };
        var command = new Command("cancel", "Cancel an open callback; audited") { id, reason };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new CancelCallbackRequest { CallbackId = parse.GetRequiredValue(id), Reason = parse.GetValue(reason) ?? string.Empty };
            var response = await client.CancelCallbackAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine($"{response.Callback.CallbackId}: cancelled");
            return 0;
        }));
        return command;
    }

    private static string State(CallbackState state) => state switch
    {
        CallbackState.Pending => "pending",
        CallbackState.Dialling => "dialling",
        CallbackState.RetryWaiting => "retry_waiting",
        CallbackState.Closed => "closed",
        _ => "unknown",
    };

    private static string Time(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at is null ? "-" : at.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
