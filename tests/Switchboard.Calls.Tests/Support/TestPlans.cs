using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.Tests.Support;

/// <summary>The repository's kommun.yaml (prompt files not checked) and a clock inside its opening hours.</summary>
internal static class TestPlans
{
    private static readonly Lazy<DialplanDefinition> KommunPlan = new(() =>
    {
        var result = DialplanLoader.Load(Path.Combine(RepoRoot(), "dialplans", "kommun.yaml"), new DialplanLoadOptions { CheckPromptFiles = false });
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Dialplan!;
    });

    public static DialplanDefinition Kommun => KommunPlan.Value;

    /// <summary>Wednesday 2 December 2026, 10:00 in Stockholm: open, not lunch.</summary>
    public static DateTimeOffset OpenNow => OpeningHoursEvaluator.ToInstant(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Unspecified), Kommun.TimeZone);

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
