using Switchboard.Acd.Agents;

namespace Switchboard.Acd.Directory;

/// <summary>
/// One agent as supervisors set them up in the agent directory: who may sign in, to which queues with which skills and
/// languages, and which SIP account is their phone. The phone's password is never kept, only its digest H(A1)
/// (<see cref="PhoneSecret"/>).
/// </summary>
/// <param name="Id">Agent id, the subject of the agent's API token.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="PhoneUser">The SIP account (digest user) of the agent's phone; unique in the directory.</param>
/// <param name="Queues">Queues (svarsgrupper) the agent may serve.</param>
/// <param name="Skills">Skills with levels 0-10.</param>
/// <param name="Languages">Languages spoken.</param>
/// <param name="Enabled">False: sign-in, offers and phone registration refused.</param>
/// <param name="PhoneSecret">The phone account's H(A1) hashes, or null when no password was set.</param>
/// <param name="UpdatedBy">Who changed the entry last (token subject).</param>
/// <param name="UpdatedAt">When.</param>
/// <param name="Version">Increases with every change (1 after creation).</param>
public sealed record DirectoryAgent(
    string Id,
    string DisplayName,
    string PhoneUser,
    IReadOnlyList<string> Queues,
    IReadOnlyList<AgentSkill> Skills,
    IReadOnlyList<string> Languages,
    bool Enabled,
    PhoneSecret? PhoneSecret,
    string UpdatedBy = "",
    DateTimeOffset UpdatedAt = default,
    long Version = 0);
