namespace Switchboard.Cli.AgentDirectory;

/// <summary>The top of a YAML import/export file: <c>agents:</c> and the list.</summary>
internal sealed class DirectoryFileDocument
{
    public List<DirectoryFileEntry> Agents { get; set; } = [];
}
