using Switchboard.TestSupport;

namespace Switchboard.Server.Tests;

/// <summary>A dialplan file for host tests: the bundled kommun.yaml when present, else an empty placeholder.</summary>
internal static class TestDialplan
{
    private static readonly Lazy<string> PathValue = new(() =>
    {
        if (File.Exists(RepositoryPaths.KommunDialplan))
        {
            return RepositoryPaths.KommunDialplan;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sb-dialplan-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(path, "# placeholder for host tests\n");
        return path;
    });

    public static string Path => PathValue.Value;
}
