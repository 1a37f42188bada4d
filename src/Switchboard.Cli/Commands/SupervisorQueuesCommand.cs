using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor queues [--queue Q ...] [--watch [--interval SECONDS]]</c>: live queue figures.</summary>
internal static class SupervisorQueuesCommand
{
    public static Command Create()
    {
        var queues = new Option<string[]>("--queue") { Description = "Only this queue (repeatable; default: all)" };
        var watch = new Option<bool>("--watch") { Description = "Keep printing a snapshot every interval until Ctrl+C" };
        var interval = new Option<double>("--interval") { Description = "Seconds between snapshots with --watch (at least 0.5)", DefaultValueFactory = _ => 2 };
        var command = new Command("queues", "Waiting callers, longest wait, agents and today's answered/abandoned per queue") { queues, watch, interval };
        command.SetAction((parse, cancellationToken) => SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var seconds = parse.GetValue(interval);
            if (seconds < 0.5 || seconds > 3600)
            {
                parse.InvocationConfiguration.Error.WriteLine("sbctl: --interval must be between 0.5 and 3600 seconds");
                return 2;
            }

            var request = new WatchQueuesRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)) };
            request.Queues.AddRange(parse.GetValue(queues) ?? []);
            var keepWatching = parse.GetValue(watch);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var call = client.WatchQueues(request, headers, cancellationToken: stop.Token);
            try
            {
                await foreach (var snapshot in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    SupervisorText.WriteSnapshot(output, snapshot);
                    output.Flush();
                    if (!keepWatching)
                    {
                        await stop.CancelAsync();
                        return 0;
                    }
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }

            return 0;
        }));
        return command;
    }
}
