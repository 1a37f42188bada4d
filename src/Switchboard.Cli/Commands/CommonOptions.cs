using System.CommandLine;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Cli.Commands;

/// <summary>Arguments and options shared by several commands, and loading a dialplan for them.</summary>
internal static class CommonOptions
{
    public static Argument<FileInfo> DialplanFile() => new("FILE") { Description = "The dialplan YAML file" };

    public static Option<DirectoryInfo?> PromptDirectory() => new("--prompts")
    {
        Description = "Prompt directory holding <lang>/<name>.wav (default: the file's prompt_dir)",
    };

    public static Option<bool> NoPromptCheck() => new("--no-prompt-check")
    {
        Description = "Do not check that prompt files exist",
    };

    /// <summary>Loads the file; on errors writes them one per line to <paramref name="error"/> and returns null.</summary>
    public static DialplanDefinition? Load(FileInfo file, DirectoryInfo? prompts, bool noPromptCheck, TextWriter error)
    {
        var options = new DialplanLoadOptions { PromptDirectory = prompts?.FullName, CheckPromptFiles = !noPromptCheck };
        var result = DialplanLoader.Load(file.ToString(), options);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic);
        }

        return result.IsValid ? result.Dialplan : null;
    }
}
