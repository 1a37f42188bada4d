namespace Switchboard.Acd.Notices;

/// <summary>A transfer the agent started has a result.</summary>
/// <param name="At">When.</param>
/// <param name="CallId">The call.</param>
/// <param name="Answered">The target took the call.</param>
/// <param name="Result">e.g. <c>answered</c>, <c>transferred_to_queue</c>, <c>not_answered_returned_to_agent</c>, <c>refused: ...</c>.</param>
public sealed record TransferResultNotice(DateTimeOffset At, string CallId, bool Answered, string Result) : AgentNotice(At);
