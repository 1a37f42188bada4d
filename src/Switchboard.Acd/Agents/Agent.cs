namespace Switchboard.Acd.Agents;

/// <summary>
/// An agent's profile: who they are, what they can do and which queues (svarsgrupper) they serve.
/// </summary>
/// <param name="Id">Stable agent id (no <c>|</c>, <c>,</c> or <c>:</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Skills">Skills with levels, e.g. <c>bsu:8</c>.</param>
/// <param name="Languages">Language codes the agent speaks, e.g. <c>sv</c>, <c>en</c>.</param>
/// <param name="PhoneUser">
/// The SIP account (digest user) of the agent's phone, from the agent directory: when the agent accepts, the node dials
/// the registrar's current binding of that account, and nothing else.
/// </param>
/// <param name="Queues">Queues the agent is a member of.</param>
public sealed record Agent(
    string Id,
    string Name,
    IReadOnlyList<AgentSkill> Skills,
    IReadOnlyList<string> Languages,
    string PhoneUser,
    IReadOnlyList<string> Queues);
