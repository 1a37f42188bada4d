namespace Switchboard.Acd.Agents;

/// <summary>
/// An agent's profile: who they are, what they can do and which queues (svarsgrupper) they serve.
/// </summary>
/// <param name="Id">Stable agent id (no <c>|</c>, <c>,</c> or <c>:</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Skills">Skills with levels, e.g. <c>bsu:8</c>.</param>
/// <param name="Languages">Language codes the agent speaks, e.g. <c>sv</c>, <c>en</c>.</param>
/// <param name="SipAddress">SIP URI of the agent's phone, dialled when the agent accepts.</param>
/// <param name="Queues">Queues the agent is a member of.</param>
public sealed record Agent(
    string Id,
    string Name,
    IReadOnlyList<AgentSkill> Skills,
    IReadOnlyList<string> Languages,
    string SipAddress,
    IReadOnlyList<string> Queues);
