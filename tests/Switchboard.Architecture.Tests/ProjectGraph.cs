using System.Reflection;
using System.Xml.Linq;

namespace Switchboard.Architecture.Tests;

/// <summary>The <c>src/</c> projects of this tree and what each one references, read from the project files.</summary>
internal sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlyDictionary<string, Project> projects) => Projects = projects;

    /// <summary>The projects by short name (<c>Api</c> for <c>Switchboard.Api</c>).</summary>
    public IReadOnlyDictionary<string, Project> Projects { get; }

    public static string RepositoryRoot { get; } = typeof(ProjectGraph).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static ProjectGraph Load()
    {
        var projects = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(file);
            var references = document.Descendants("ProjectReference")
                .Select(e => ShortName(Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/'))))
                .ToHashSet(StringComparer.Ordinal);
            var packages = document.Descendants("PackageReference")
                .Select(e => e.Attribute("Include")!.Value)
                .ToHashSet(StringComparer.Ordinal);
            var frameworks = document.Descendants("FrameworkReference")
                .Select(e => e.Attribute("Include")!.Value)
                .ToHashSet(StringComparer.Ordinal);
            var name = ShortName(Path.GetFileNameWithoutExtension(file));
            projects.Add(name, new Project(name, references, packages, frameworks, document.Root!.Attribute("Sdk")?.Value ?? ""));
        }

        return new ProjectGraph(projects);
    }

    /// <summary>Every project <paramref name="name"/> reaches through project references, itself excluded.</summary>
    public IReadOnlySet<string> Reachable(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>(Projects[name].References);
        while (work.TryPop(out var next))
        {
            if (seen.Add(next) && Projects.TryGetValue(next, out var project))
            {
                foreach (var reference in project.References)
                {
                    work.Push(reference);
                }
            }
        }

        return seen;
    }

    private static string ShortName(string assembly) =>
        assembly.StartsWith("Switchboard.", StringComparison.Ordinal) ? assembly["Switchboard.".Length..] : assembly;

    /// <summary>One project file.</summary>
    internal sealed record Project(string Name, IReadOnlySet<string> References, IReadOnlySet<string> Packages, IReadOnlySet<string> Frameworks, string Sdk);
}
