namespace Switchboard.Acd.Directory;

/// <summary>
/// What an agent narrowed to when signing in ("only BSU today"): a subset of their directory queues and languages.
/// Empty lists mean all of them. Kept so that a supervisor's later change applies with the same narrowing.
/// </summary>
/// <param name="Queues">Chosen queues, or empty for all assigned.</param>
/// <param name="Languages">Chosen languages, or empty for all.</param>
public sealed record AgentSelection(IReadOnlyList<string> Queues, IReadOnlyList<string> Languages)
{
    /// <summary>No narrowing.</summary>
    public static AgentSelection All { get; } = new([], []);

    /// <summary>The directory entry as the agent serves it today: the assigned queues and languages, narrowed.</summary>
    public (IReadOnlyList<string> Queues, IReadOnlyList<string> Languages) Apply(DirectoryAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return (Narrow(agent.Queues, Queues), Narrow(agent.Languages, Languages));
    }

    private static IReadOnlyList<string> Narrow(IReadOnlyList<string> assigned, IReadOnlyList<string> chosen) =>
        chosen.Count == 0 ? assigned : [.. assigned.Where(chosen.Contains)];
}
