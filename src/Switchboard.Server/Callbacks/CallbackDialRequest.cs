namespace Switchboard.Server.Callbacks;

/// <summary>One dial attempt for the telephony layer.</summary>
/// <param name="CallbackId">The callback (also its ACD call id).</param>
/// <param name="AgentId">The agent who accepted it.</param>
/// <param name="AgentPhoneUser">The agent's directory phone account (its registration is dialled).</param>
/// <param name="Number">The citizen's number, E.164, already validated (toll-fraud guard).</param>
/// <param name="Trunk">The outbound trunk to dial the citizen through.</param>
/// <param name="Language">Language of the prompt played to the citizen on answer (the caller's IVR language).</param>
public sealed record CallbackDialRequest(string CallbackId, string AgentId, string AgentPhoneUser, string Number, TrunkOptions Trunk, string Language = "sv");
