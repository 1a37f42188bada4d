using Switchboard.Acd.Store;

namespace Switchboard.Acd.Directory;

/// <summary>
/// Checks a directory entry before it is stored: ids and phone users are plain tokens (they go into Redis keys and a
/// SIP address-of-record, so nothing that could inject SIP syntax), names and lists are bounded.
/// </summary>
public static class DirectoryAgentValidator
{
    /// <summary>Longest agent id or phone user.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Most queues, skills or languages per agent.</summary>
    public const int MaxListLength = 50;

    private const int MaxNameLength = 100;

    /// <summary>Why <paramref name="agent"/> cannot be stored, or null when it can.</summary>
    public static string? Validate(DirectoryAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return CheckId(agent.Id)
            ?? CheckPhoneUser(agent.PhoneUser)
            ?? (agent.DisplayName.Length > MaxNameLength || agent.DisplayName.Any(char.IsControl) ? $"display_name: at most {MaxNameLength} characters, no control characters" : null)
            ?? CheckList("queues", agent.Queues)
            ?? CheckList("languages", agent.Languages)
            ?? CheckSkills(agent);
    }

    /// <summary>Why <paramref name="id"/> is not an agent id (letters, digits, <c>. _ -</c>), or null.</summary>
    public static string? CheckId(string? id) =>
        IsToken(id, allowPlus: false) ? null : $"agent_id '{id}': 1-{MaxIdLength} letters, digits, '.', '_' or '-'";

    /// <summary>Why <paramref name="user"/> is not a phone account user (letters, digits, <c>. _ - +</c>), or null.</summary>
    public static string? CheckPhoneUser(string? user) =>
        IsToken(user, allowPlus: true) ? null : $"phone_user '{user}': 1-{MaxIdLength} letters, digits, '.', '_', '-' or '+'";

    private static string? CheckList(string what, IReadOnlyList<string> values)
    {
        if (values.Count == 0 || values.Count > MaxListLength)
        {
            return $"{what}: 1-{MaxListLength} entries";
        }

        foreach (var value in values)
        {
            try
            {
                AcdNames.Check(value, what);
            }
            catch (ArgumentException error)
            {
                return error.Message;
            }

            if (value.Length > MaxIdLength || value != value.Trim())
            {
                return $"{what}: '{value}' is longer than {MaxIdLength} characters or has surrounding spaces";
            }
        }

        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? null : $"{what}: duplicate entries";
    }

    private static string? CheckSkills(DirectoryAgent agent)
    {
        if (agent.Skills.Count > MaxListLength)
        {
            return $"skills: at most {MaxListLength}";
        }

        foreach (var skill in agent.Skills)
        {
            if (skill.Level is < 0 or > 10 || CheckList("skills", [skill.Name]) is not null)
            {
                return $"skill '{skill.Name}': a name and a level 0-10";
            }
        }

        return agent.Skills.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == agent.Skills.Count ? null : "skills: duplicate names";
    }

    private static bool IsToken(string? value, bool allowPlus) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxIdLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' || (allowPlus && c == '+'));
}
