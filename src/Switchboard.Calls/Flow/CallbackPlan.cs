namespace Switchboard.Calls.Flow;

/// <summary>A callback attempt as the flow runs it: the agent's phone first, then the citizen, the hello prompt, the bridge.</summary>
/// <param name="CallbackId">The callback (its ACD call id).</param>
/// <param name="AgentId">The agent who accepted it.</param>
/// <param name="AgentPhoneUser">The agent's directory phone account.</param>
/// <param name="Number">The citizen's number (E.164, already validated).</param>
/// <param name="Language">Language of the hello prompt.</param>
/// <param name="HelloPrompts">Played to the citizen on answer, before the bridge.</param>
/// <param name="AgentRingTimeout">How long the agent's phone rings.</param>
/// <param name="CitizenRingTimeout">How long the citizen's phone rings.</param>
public sealed record CallbackPlan(
    string CallbackId,
    string AgentId,
    string? AgentPhoneUser,
    string Number,
    string Language,
    IReadOnlyList<string> HelloPrompts,
    TimeSpan AgentRingTimeout,
    TimeSpan CitizenRingTimeout);
