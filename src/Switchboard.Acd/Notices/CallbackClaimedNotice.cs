using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Notices;

/// <summary>The agent claimed a callback.</summary>
/// <param name="At">When.</param>
/// <param name="Callback">The callback after the claim.</param>
public sealed record CallbackClaimedNotice(DateTimeOffset At, CallbackEntry Callback) : AgentNotice(At);
