namespace Switchboard.Server.Configuration;

/// <summary>The <c>Dialplan</c> section.</summary>
public sealed class DialplanOptions
{
    public const string Section = "Dialplan";

    /// <summary><c>Dialplan:Path</c>: the dialplan YAML; a relative path is taken from the working directory.
    /// After <see cref="SwitchboardSettings.Read"/> it is absolute and the file exists.</summary>
    public string Path { get; set; } = "dialplans/kommun.yaml";
}
