using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Tests.Support;

/// <summary>Finds the repository's dialplans and loads them.</summary>
internal static class TestDialplans
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.sln")))
            {
                dir = dir.Parent;
            }

            // Build output may live outside the tree (SB_ARTIFACTS): fall back to the source file's folder.
            return dir?.FullName ?? FromSource();
        }
    }

    public static string KommunPath => Path.Combine(RepoRoot, "dialplans", "kommun.yaml");

    public static DialplanDefinition Kommun()
    {
        var result = DialplanLoader.Load(KommunPath);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Dialplan!;
    }

    public static DialplanLoadResult LoadText(string yaml, string name = "test.yaml") =>
        DialplanLoader.LoadFromText(yaml, name, new DialplanLoadOptions { CheckPromptFiles = false });

    public static DialplanDefinition Text(string yaml)
    {
        var result = LoadText(yaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Dialplan!;
    }

    private static string FromSource([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
