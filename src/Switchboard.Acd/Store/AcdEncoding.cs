using System.Globalization;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

/// <summary>The compact string forms stored in Redis hashes (e.g. skills <c>bsu:8,assf:3</c>).</summary>
internal static class AcdEncoding
{
    public static string Skills(IEnumerable<AgentSkill> skills) =>
        string.Join(',', skills.Select(s => AcdNames.Check(s.Name, "skill") + ":" + s.Level.ToString(CultureInfo.InvariantCulture)));

    public static string Requirements(IEnumerable<SkillRequirement> skills) =>
        string.Join(',', skills.Select(s => AcdNames.Check(s.Skill, "skill") + ":" + s.MinLevel.ToString(CultureInfo.InvariantCulture)));

    public static string List(IEnumerable<string> items, string what) =>
        string.Join(',', items.Select(i => AcdNames.Check(i, what)));

    public static IReadOnlyList<AgentSkill> ParseSkills(string? value) =>
        [.. ParsePairs(value).Select(p => new AgentSkill(p.Name, p.Level))];

    public static IReadOnlyList<SkillRequirement> ParseRequirements(string? value) =>
        [.. ParsePairs(value).Select(p => new SkillRequirement(p.Name, p.Level))];

    public static IReadOnlyList<string> ParseList(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Escalations(IEnumerable<EscalationStep> steps)
    {
        return string.Join(';', steps.OrderBy(s => s.After).Select(s =>
        {
            if (s.After < TimeSpan.Zero)
            {
                throw new ArgumentException("An escalation step's After must not be negative.", nameof(steps));
            }

            var skill = s.Action == EscalationAction.AddSkill ? AcdNames.Check(s.Skill, "escalation skill") : "-";
            var queue = s.Action == EscalationAction.Overflow ? AcdNames.Check(s.Queue, "escalation queue") : "-";
            return string.Join('/', Millis(s.After), s.Action.ToString(), s.Level.ToString(CultureInfo.InvariantCulture), skill, queue);
        }));
    }

    public static IReadOnlyList<EscalationStep> ParseEscalations(string? value)
    {
        var steps = new List<EscalationStep>();
        foreach (var item in ParseList(value?.Replace(';', ',')))
        {
            var p = item.Split('/');
            if (p.Length == 5 && Enum.TryParse<EscalationAction>(p[1], out var action))
            {
                steps.Add(new EscalationStep(
                    TimeSpan.FromMilliseconds(long.Parse(p[0], CultureInfo.InvariantCulture)),
                    action,
                    int.Parse(p[2], CultureInfo.InvariantCulture),
                    p[3] == "-" ? null : p[3],
                    p[4] == "-" ? null : p[4]));
            }
        }

        return steps;
    }

    public static string Millis(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string? unixMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(unixMillis, CultureInfo.InvariantCulture, out var ms) ? ms : 0);

    public static int Int(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static IEnumerable<(string Name, int Level)> ParsePairs(string? value)
    {
        foreach (var item in ParseList(value))
        {
            var colon = item.LastIndexOf(':');
            if (colon > 0 && int.TryParse(item.AsSpan(colon + 1), CultureInfo.InvariantCulture, out var level))
            {
                yield return (item[..colon], level);
            }
        }
    }
}
