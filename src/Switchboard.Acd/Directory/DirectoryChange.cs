namespace Switchboard.Acd.Directory;

/// <summary>The "what" of a directory audit record: an entry in full, or what changed between two versions (never a secret).</summary>
public static class DirectoryChange
{
    /// <summary>A new entry, e.g. <c>name Anna; phone anna; queues bsu; skills bsu:5; languages sv,en; enabled; password set</c>.</summary>
    public static string Describe(DirectoryAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return string.Join("; ", Fields(agent).Select(f => $"{f.Name} {f.Value}"));
    }

    /// <summary>What differs from <paramref name="before"/> to <paramref name="after"/>, e.g. <c>skills bsu:5 -> bsu:7</c>.</summary>
    public static string Describe(DirectoryAgent before, DirectoryAgent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = Fields(before).Zip(Fields(after))
            .Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Name} {p.First.Value} -> {p.Second.Value}")
            .ToList();
        if (!ReferenceEquals(before.PhoneSecret, after.PhoneSecret) && before.PhoneSecret != after.PhoneSecret && changes.All(c => !c.StartsWith("password", StringComparison.Ordinal)))
        {
            changes.Add("password changed");
        }

        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    private static IEnumerable<(string Name, string Value)> Fields(DirectoryAgent a)
    {
        yield return ("name", a.DisplayName);
        yield return ("phone", a.PhoneUser);
        yield return ("queues", string.Join(",", a.Queues));
        yield return ("skills", string.Join(",", a.Skills.Select(s => s.ToString())));
        yield return ("languages", string.Join(",", a.Languages));
        yield return ("enabled", a.Enabled ? "yes" : "no");
        yield return ("password", a.PhoneSecret is null ? "not set" : "set");
    }
}
