using System.CommandLine;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl dialplan check FILE</c>: exit 0 when valid, else one <c>file:line:col: message</c> per error and exit 1.</summary>
internal static class DialplanCheckCommand
{
    public static Command Create()
    {
        var file = CommonOptions.DialplanFile();
        var prompts = CommonOptions.PromptDirectory();
        var noPromptCheck = CommonOptions.NoPromptCheck();
        var command = new Command("check", "Validate a dialplan: errors as file:line:col: message, exit 1 when invalid") { file, prompts, noPromptCheck };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetRequiredValue(file).ToString();
            var options = new DialplanLoadOptions
            {
                PromptDirectory = parse.GetValue(prompts)?.FullName,
                CheckPromptFiles = !parse.GetValue(noPromptCheck),
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
