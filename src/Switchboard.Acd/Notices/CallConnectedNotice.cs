namespace Switchboard.Acd.Notices;

/// <summary>The agent's phone answered and is bridged to the caller.</summary>
/// <param name="At">When.</param>
/// <param name="CallId">The call.</param>
/// <param name="Queue">The queue it came from.</param>
public sealed record CallConnectedNotice(DateTimeOffset At, string CallId, string Queue) : AgentNotice(At);
