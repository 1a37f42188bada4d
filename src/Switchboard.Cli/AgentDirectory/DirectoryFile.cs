using System.Globalization;
using System.Text;
using Switchboard.Api.Supervisor.V1;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Switchboard.Cli.AgentDirectory;

/// <summary>
/// Bulk import/export files of the agent directory. YAML: <c>agents:</c> a list of entries with <c>id</c>, <c>name</c>,
/// <c>phone_user</c>, <c>phone_password</c> (import only), <c>queues</c>, <c>skills</c> (map name: level),
/// <c>languages</c>, <c>enabled</c>. CSV: a header line with those column names, lists separated by <c>;</c> and skills
/// as <c>name=level</c>. Files are bounded (1 MiB, 10,000 agents) before they are parsed.
/// </summary>
internal static class DirectoryFile
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxAgents = 10_000;

    private static readonly string[] Columns = ["id", "name", "phone_user", "phone_password", "queues", "skills", "languages", "enabled"];

    /// <summary>True for <c>.csv</c> paths (else YAML).</summary>
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the entries of <paramref name="text"/>; throws <see cref="FormatException"/> with the line on bad input.</summary>
    public static IReadOnlyList<DirectoryFileEntry> Parse(string text, bool csv)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            throw new FormatException($"the file is larger than {MaxBytes / 1024} KiB");
        }

        var entries = csv ? ParseCsv(text) : ParseYaml(text);
        if (entries.Count > MaxAgents)
        {
            throw new FormatException($"more than {MaxAgents} agents");
        }

        var duplicate = entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? entries : throw new FormatException($"agent '{duplicate.Key}' is listed twice");
    }

    /// <summary>The entries as a YAML or CSV document (no passwords).</summary>
    public static string Write(IEnumerable<DirectoryAgent> agents, bool csv)
    {
        var entries = agents.Select(a => new DirectoryFileEntry
        {
            Id = a.AgentId,
            Name = a.DisplayName,
            PhoneUser = a.PhoneUser,
            Queues = [.. a.Queues],
            Skills = a.Skills.ToDictionary(s => s.Name, s => s.Level, StringComparer.Ordinal),
            Languages = [.. a.Languages],
            Enabled = a.Enabled,
        }).ToList();
        return csv ? WriteCsv(entries) : WriteYaml(entries);
    }

    /// <summary>The proto entry a file entry describes.</summary>
    public static DirectoryAgent ToProto(DirectoryFileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var proto = new DirectoryAgent
        {
            AgentId = entry.Id.Trim(),
            DisplayName = entry.Name.Trim(),
            PhoneUser = string.IsNullOrWhiteSpace(entry.PhoneUser) ? entry.Id.Trim() : entry.PhoneUser.Trim(),
            Enabled = entry.Enabled,
        };
        proto.Queues.AddRange(entry.Queues.Select(q => q.Trim()));
        proto.Skills.AddRange(entry.Skills.Select(s => new DirectorySkill { Name = s.Key.Trim(), Level = s.Value }));
        proto.Languages.AddRange(entry.Languages.Count == 0 ? ["sv"] : entry.Languages.Select(l => l.Trim()));
        return proto;
    }

    private static List<DirectoryFileEntry> ParseYaml(string text)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<DirectoryFileDocument?>(text)?.Agents ?? [];
        }
        catch (YamlException error)
        {
            throw new FormatException($"line {error.Start.Line}: {error.InnerException?.Message ?? error.Message}", error);
        }
    }

    private static string WriteYaml(List<DirectoryFileEntry> entries)
    {
        var serializer = new SerializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build();
        return serializer.Serialize(new DirectoryFileDocument { Agents = entries });
    }

    private static List<DirectoryFileEntry> ParseCsv(string text)
    {
        var rows = CsvRows.Read(text);
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.FirstOrDefault(h => !Columns.Contains(h)) is { } unknown)
        {
            throw new FormatException($"line 1: unknown column '{unknown}' (columns: {string.Join(",", Columns)})");
        }

        if (!header.Contains("id"))
        {
            throw new FormatException("line 1: the header needs an 'id' column");
        }

        var entries = new List<DirectoryFileEntry>();
        for (var i = 1; i < rows.Count && entries.Count <= MaxAgents; i++)
        {
            var row = rows[i];
            if (row.Count != header.Count)
            {
                throw new FormatException($"line {i + 1}: {row.Count} fields, the header has {header.Count}");
            }

            string Field(string name) => header.IndexOf(name) is >= 0 and var at ? row[at].Trim() : "";
            List<string> List(string name) => [.. Field(name).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var skills = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var text1 in List("skills"))
            {
                var skill = DirectoryEntryOptions.ParseSkill(text1) ?? throw new FormatException($"line {i + 1}: bad skill '{text1}' (name=level, 0-10)");
                skills[skill.Name] = skill.Level;
            }

            var enabled = Field("enabled");
            entries.Add(new DirectoryFileEntry
            {
                Id = Field("id"),
                Name = Field("name"),
                PhoneUser = Field("phone_user"),
                PhonePassword = Field("phone_password") is { Length: > 0 } password ? password : null,
                Queues = List("queues"),
                Skills = skills,
                Languages = List("languages"),
                Enabled = enabled.Length == 0 || enabled is "yes" or "true" or "1" || (enabled is not ("no" or "false" or "0")
                    ? throw new FormatException($"line {i + 1}: enabled must be yes or no, not '{enabled}'")
                    : false),
            });
        }

        return entries;
    }

    private static string WriteCsv(List<DirectoryFileEntry> entries)
    {
        var text = new StringBuilder("id,name,phone_user,queues,skills,languages,enabled\n");
        foreach (var e in entries)
        {
            string[] fields =
            [
                e.Id, e.Name, e.PhoneUser, string.Join(";", e.Queues),
                string.Join(";", e.Skills.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}"))),
                string.Join(";", e.Languages), e.Enabled ? "yes" : "no",
            ];
            text.Append(string.Join(",", fields.Select(CsvRows.Quote))).Append('\n');
        }

        return text.ToString();
    }
}
