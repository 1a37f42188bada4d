using System.CommandLine;
using System.Globalization;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Cli.AgentDirectory;

/// <summary>
/// The flags that describe a directory entry for <c>sbctl supervisor agents create|update</c>: name, phone account and
/// password, queues, skills, languages. Lists given replace the stored ones; <c>--skill</c> sets one skill's level.
/// </summary>
internal sealed class DirectoryEntryOptions
{
    private readonly Option<string?> _name = new("--name") { Description = "Display name" };
    private readonly Option<string?> _phoneUser = new("--phone-user") { Description = "SIP account of the agent's phone (default for create: the agent id)" };
    private readonly Option<string?> _phonePassword = new("--phone-password") { Description = $"The phone account's password, stored only as H(A1) (default: ${PasswordVariable})" };
    private readonly Option<string[]> _queues = new("--queue") { Description = "Queue the agent may serve (repeatable; replaces the list)" };
    private readonly Option<string[]> _skills = new("--skill") { Description = "Skill with level 0-10, e.g. bsu=5 (repeatable; sets that skill)" };
    private readonly Option<string[]> _removeSkills = new("--remove-skill") { Description = "Removes a skill (repeatable)" };
    private readonly Option<string[]> _languages = new("--language") { Description = "Language spoken, e.g. sv (repeatable; replaces the list; create default: sv)" };

    /// <summary>Environment variable holding the phone password when <c>--phone-password</c> is not given.</summary>
    public const string PasswordVariable = "SB_PHONE_PASSWORD";

    /// <summary>Adds the flags to <paramref name="command"/> (<c>--remove-skill</c> only for update).</summary>
    public void AddTo(Command command, bool update)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_name);
        command.Options.Add(_phoneUser);
        command.Options.Add(_phonePassword);
        command.Options.Add(_queues);
        command.Options.Add(_skills);
        command.Options.Add(_languages);
        if (update)
        {
            command.Options.Add(_removeSkills);
        }
    }

    /// <summary>The phone password given (flag, else the environment), or empty.</summary>
    public string Password(ParseResult parse) =>
        parse.GetValue(_phonePassword) ?? Environment.GetEnvironmentVariable(PasswordVariable) ?? string.Empty;

    /// <summary>Applies the flags to <paramref name="entry"/>; on bad input writes why and returns false.</summary>
    public bool Apply(ParseResult parse, DirectoryAgent entry, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (parse.GetValue(_name) is { } name)
        {
            entry.DisplayName = name;
        }

        if (parse.GetValue(_phoneUser) is { } phoneUser)
        {
            entry.PhoneUser = phoneUser;
        }

        if (parse.GetValue(_queues) is { Length: > 0 } queues)
        {
            entry.Queues.Clear();
            entry.Queues.AddRange(queues);
        }

        if (parse.GetValue(_languages) is { Length: > 0 } languages)
        {
            entry.Languages.Clear();
            entry.Languages.AddRange(languages);
        }

        foreach (var remove in parse.GetValue(_removeSkills) ?? [])
        {
            RemoveSkill(entry, remove);
        }

        foreach (var text in parse.GetValue(_skills) ?? [])
        {
            if (ParseSkill(text) is not { } skill)
            {
                error.WriteLine($"sbctl: bad --skill '{text}' (expected NAME=LEVEL, level 0-10)");
                return false;
            }

            if (entry.Skills.FirstOrDefault(s => s.Name == skill.Name) is { } existing)
            {
                existing.Level = skill.Level;
            }
            else
            {
                entry.Skills.Add(skill);
            }
        }

        return true;
    }

    private static void RemoveSkill(DirectoryAgent entry, string name)
    {
        if (entry.Skills.FirstOrDefault(s => s.Name == name) is { } skill)
        {
            entry.Skills.Remove(skill);
        }
    }

    /// <summary><c>bsu=5</c> (or <c>bsu:5</c>) as a skill, or null.</summary>
    public static DirectorySkill? ParseSkill(string text)
    {
        var parts = text.Split(['=', ':'], 2);
        return parts.Length == 2 && parts[0].Trim().Length > 0
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level <= 10
            ? new DirectorySkill { Name = parts[0].Trim(), Level = level }
            : null;
    }
}
