namespace Switchboard.Acd.Directory;

/// <summary>The registrar's view of one directory phone account: whose it is, whether it may register, its secret.</summary>
/// <param name="AgentId">The agent the account belongs to.</param>
/// <param name="Enabled">False: the agent is disabled, the account may not register.</param>
/// <param name="Secret">The H(A1) hashes, or null when no password was set.</param>
public sealed record PhoneAccount(string AgentId, bool Enabled, PhoneSecret? Secret);
