using System.CommandLine;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl supervisor emergency on [--prompt NAME ...] [--closed] | off</c>: the emergency message, live on every node.</summary>
internal static class SupervisorEmergencyCommand
{
    public static Command Create()
    {
        var prompts = new Option<string[]>("--prompt") { Description = "Prompt name to play (repeatable; default: the dialplan's emergency prompts)" };
        var closed = new Option<bool>("--closed") { Description = "Hang up after the message (line closed) instead of continuing to the menu" };
        var on = new Command("on", "Switch the emergency message on for every caller") { prompts, closed };
        on.SetAction((parse, cancellationToken) => SetAsync(parse, true, parse.GetValue(prompts) ?? [], parse.GetValue(closed), cancellationToken));
        var off = new Command("off", "Switch the emergency message off");
        off.SetAction((parse, cancellationToken) => SetAsync(parse, false, [], false, cancellationToken));
        return new Command("emergency", "Switch the emergency message on or off") { on, off };
    }

    private static Task<int> SetAsync(ParseResult parse, bool enabled, string[] prompts, bool closed, CancellationToken cancellationToken) =>
        SupervisorCommand.RunAsync(parse, async (client, headers, output) =>
        {
            var request = new SetEmergencyMessageRequest { Enabled = enabled, Closed = closed };
            request.Prompts.AddRange(prompts);
            var message = await client.SetEmergencyMessageAsync(request, headers, cancellationToken: cancellationToken);
            output.WriteLine(SupervisorText.Emergency(message));
            return 0;
        });
}
