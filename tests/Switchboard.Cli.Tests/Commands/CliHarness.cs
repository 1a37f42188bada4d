namespace Switchboard.Cli.Tests.Commands;

/// <summary>Runs sbctl in-process with captured output, and finds repository files.</summary>
internal static class CliHarness
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SbctlApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string RepoRoot => Find(AppContext.BaseDirectory) ?? Find(SourceDirectory()) ?? throw new InvalidOperationException("repository root not found");

    public static string Kommun => Path.Combine(RepoRoot, "dialplans", "kommun.yaml");

    private static string? Find(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
