namespace Switchboard.Cli.AgentDirectory;

/// <summary>
/// One agent in an import or export file (YAML or CSV). <see cref="PhonePassword"/> is only read (for new agents, or
/// to change the password) and never written: exports hold no secrets.
/// </summary>
internal sealed class DirectoryFileEntry
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string PhoneUser { get; set; } = "";

    public string? PhonePassword { get; set; }

    public List<string> Queues { get; set; } = [];

    /// <summary>Skill name to level.</summary>
    public Dictionary<string, int> Skills { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public bool Enabled { get; set; } = true;
}
