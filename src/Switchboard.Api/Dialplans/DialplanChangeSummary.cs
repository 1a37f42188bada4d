namespace Switchboard.Api.Dialplans;

/// <summary>A short, human-readable summary of the difference between two dialplan texts.</summary>
public static class DialplanChangeSummary
{
    /// <summary>e.g. <c>+3 -1 lines (first version)</c>; line changes counted as multisets of trimmed, non-empty lines.</summary>
    public static string Describe(string? previous, string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return $"first version, {Lines(current).Count} lines";
        }

        if (previous == current)
        {
            return "no change";
        }

        var removed = Lines(previous);
        var added = new List<string>();
        foreach (var line in Lines(current))
        {
            if (!removed.Remove(line))
            {
                added.Add(line);
            }
        }

        var sample = added.Concat(removed.Select(r => "-" + r)).Take(3).Select(s => s.Length > 60 ? s[..60] + "…" : s);
        return $"+{added.Count} -{removed.Count} lines; e.g. {string.Join(" | ", sample)}";
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
