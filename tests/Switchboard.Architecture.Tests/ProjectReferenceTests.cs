namespace Switchboard.Architecture.Tests;

/// <summary>
/// The layering described in the README (Layout) and <c>docs/index.md</c>, as the compiler sees it: every project reference in <c>src/</c> must be
/// one of the allowed edges below, so a forbidden reference fails the build's tests instead of creeping in.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>
    /// The allowed direct references of every <c>src/</c> project. A new project gets a row here on purpose;
    /// <c>Calls</c> (the call model) may be added to the tree at any time.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Sip"] = [],
        ["Media"] = [],
        ["Dialplan"] = [],
        ["Acd"] = [],
        ["Api.Contracts"] = [],
        ["Api"] = ["Api.Contracts", "Acd", "Dialplan"],
        ["Calls"] = ["Media", "Sip", "Dialplan", "Acd"],
        // The host composes everything.
        ["Server"] = ["Api", "Calls", "Media", "Sip", "Acd", "Dialplan"],
        // sbctl: the gRPC contracts; Dialplan for `dialplan check/simulate`; Acd for `report --redis` (reads the statistics
        // straight from Redis); Sip and Media for `sbctl phone`/`call` (a softphone built from our own stacks).
        ["Cli"] = ["Api.Contracts", "Dialplan", "Acd", "Sip", "Media"],
    };

    /// <summary>Projects and the projects they must never reach, even through others.</summary>
    private static readonly Dictionary<string, string[]> NeverReaches = new(StringComparer.Ordinal)
    {
        ["Sip"] = ["Media", "Dialplan", "Acd", "Api", "Api.Contracts", "Calls", "Server"],
        ["Media"] = ["Sip", "Dialplan", "Acd", "Api", "Api.Contracts", "Calls", "Server"],
        ["Dialplan"] = ["Sip", "Media", "Acd", "Api", "Api.Contracts", "Calls", "Server"],
        ["Acd"] = ["Sip", "Media", "Dialplan", "Api", "Api.Contracts", "Calls", "Server"],
        ["Api.Contracts"] = ["Sip", "Media", "Dialplan", "Acd", "Api", "Calls", "Server"],
        ["Api"] = ["Sip", "Media", "Calls", "Server"],
        ["Calls"] = ["Api", "Api.Contracts", "Server"],
        ["Cli"] = ["Api", "Server", "Calls"],
    };

    /// <summary>Packages that make a project "know Redis"; only the ACD/store layer (and the host composing it) may reference them.</summary>
    private static readonly string[] RedisPackages = ["StackExchange.Redis"];

    private static readonly ProjectGraph Graph = ProjectGraph.Load();

    public static TheoryData<string> SourceProjects() => [.. ProjectGraph.Load().Projects.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Load_SourceTree_FindsTheLayers()
    {
        // Guards the tests below against reading an empty or wrong tree.
        Assert.Superset(new HashSet<string>(["Sip", "Media", "Dialplan", "Acd", "Api", "Api.Contracts", "Server", "Cli"]), Graph.Projects.Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void References_EachProject_OnlyAllowedEdges(string project)
    {
        Assert.True(Allowed.TryGetValue(project, out var allowed), $"src project '{project}' has no row in ProjectReferenceTests.Allowed: decide where it sits in the layering");
        var forbidden = Graph.Projects[project].References.Except(allowed!).Order(StringComparer.Ordinal).ToList();
        Assert.True(forbidden.Count == 0, $"{project} references {string.Join(", ", forbidden)}; allowed: {string.Join(", ", allowed!)}");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void References_EachProject_NeverReachesWhatItMustNotKnow(string project)
    {
        var never = NeverReaches.GetValueOrDefault(project, []);
        var reached = Graph.Reachable(project).Intersect(never).Order(StringComparer.Ordinal).ToList();
        Assert.True(reached.Count == 0, $"{project} reaches {string.Join(", ", reached)} through its references");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Packages_Redis_OnlyInTheStoreLayerAndTheHost(string project)
    {
        var redis = Graph.Projects[project].Packages.Intersect(RedisPackages).ToList();
        Assert.True(redis.Count == 0 || project is "Acd" or "Server", $"{project} references {string.Join(", ", redis)}: Redis adapters live in Switchboard.Acd");
    }

    [Fact]
    public void Cli_Packages_NoAspNetCore()
    {
        var cli = Graph.Projects["Cli"];
        Assert.DoesNotContain("Microsoft.AspNetCore.App", cli.Frameworks);
        Assert.DoesNotContain(cli.Packages, p => p.StartsWith("Grpc.AspNetCore", StringComparison.Ordinal));
        Assert.Equal("Microsoft.NET.Sdk", cli.Sdk);
    }

    [Fact]
    public void Contracts_Project_HoldsOnlyProtoFiles()
    {
        var directory = Path.Combine(ProjectGraph.RepositoryRoot, "src", "Switchboard.Api.Contracts");
        var sources = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(directory, f) && !f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".proto", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(sources);
        Assert.Empty(Graph.Projects["Api.Contracts"].References);
    }

    private static bool IsBuildOutput(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }
}
