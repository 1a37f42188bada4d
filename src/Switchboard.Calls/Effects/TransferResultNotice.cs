namespace Switchboard.Calls.Effects;

/// <summary>How the agent's transfer ended: <paramref name="Detail"/> is e.g. <c>answered</c>, <c>not_answered_returned_to_agent</c>, <c>refused: ...</c>.</summary>
public sealed record TransferResultNotice(string AgentId, bool Succeeded, string Detail) : AgentNotice(AgentId);
