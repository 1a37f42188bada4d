using System.CommandLine;
using Switchboard.Acd.Callbacks;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl dialplan check FILE [--allow-sip-domain HOST]</c>: exit 0 when valid, else one <c>file:line:col: message</c>
/// per error and exit 1. Transfer targets go through the dialling policy the node applies (<see cref="DialTargetValidator"/>).
/// </summary>
internal static class DialplanCheckCommand
{
    public static Command Create()
    {
        var file = CommonOptions.DialplanFile();
        var prompts = CommonOptions.PromptDirectory();
        var noPromptCheck = CommonOptions.NoPromptCheck();
        var sipDomains = new Option<string[]>("--allow-sip-domain") { Description = "A host a sip: transfer target may name, as the node's Transfer:AllowedSipDomains (repeatable; default none)" };
        var command = new Command("check", "Validate a dialplan: errors as file:line:col: message, exit 1 when invalid") { file, prompts, noPromptCheck, sipDomains };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetRequiredValue(file).ToString();
            var options = new DialplanLoadOptions
            {
                PromptDirectory = parse.GetValue(prompts)?.FullName,
                CheckPromptFiles = !parse.GetValue(noPromptCheck),
                // The node's one dialling policy (default number policy; sip: hosts as given) on every transfer: target.
                TransferTargetCheck = target => DialTargetValidator.Validate(target, new DialTargetPolicy
                {
                    AllowedSipDomains = [.. parse.GetValue(sipDomains) ?? []],
                }).Refusal,
            };
            var result = DialplanLoader.Load(path, options);
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine(diagnostic);
            }

            if (!result.IsValid)
            {
                return 1;
            }

            var dialplan = result.Dialplan!;
            output.WriteLine($"{path}: ok: {dialplan.Name}, version {dialplan.Version}, {Count(dialplan.Menus.Count, "menu")}, {Count(dialplan.Queues.Count, "queue")}");
            return 0;
        });
        return command;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
