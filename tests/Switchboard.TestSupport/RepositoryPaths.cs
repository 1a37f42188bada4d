using System.Reflection;

namespace Switchboard.TestSupport;

/// <summary>Paths inside the repository, for tests whose build output lives elsewhere (artifacts, SB_ARTIFACTS).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    /// <summary>The repository root (the directory holding Switchboard.sln).</summary>
    public static string Root => RootValue.Value;

    /// <summary>dialplans/ under the root.</summary>
    public static string Dialplans => Path.Combine(Root, "dialplans");

    /// <summary>The bundled municipal dialplan (dialplans/kommun.yaml).</summary>
    public static string KommunDialplan => Path.Combine(Dialplans, "kommun.yaml");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Switchboard.RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Switchboard.sln")))
        {
            return Path.TrimEndingDirectorySeparator(recorded);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Switchboard.sln)");
    }
}
