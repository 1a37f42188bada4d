using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Notices;

/// <summary>A callback the agent held or cancelled was cancelled.</summary>
/// <param name="At">When.</param>
/// <param name="Callback">The callback after the cancel.</param>
/// <param name="CancelledBy">The agent or supervisor who cancelled it.</param>
public sealed record CallbackCancelledNotice(DateTimeOffset At, CallbackEntry Callback, string CancelledBy) : AgentNotice(At);
