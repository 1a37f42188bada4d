namespace Switchboard.Acd.Directory;

/// <summary>Settings the agent directory needs from the rest of the node.</summary>
public sealed record DirectoryOptions
{
    /// <summary>The registrar's digest realm (<c>Sip:Registrar:Realm</c>): phone passwords are hashed for it.</summary>
    public string Realm { get; init; } = "switchboard";
}
