using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Notices;

/// <summary>An attempt at a callback the agent held has an outcome (or the callback closed).</summary>
/// <param name="At">When.</param>
/// <param name="Callback">The callback after the attempt.</param>
public sealed record CallbackCompletedNotice(DateTimeOffset At, CallbackEntry Callback) : AgentNotice(At);
