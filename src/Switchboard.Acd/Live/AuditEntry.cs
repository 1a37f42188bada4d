namespace Switchboard.Acd.Live;

/// <summary>One audit record: who did what, when.</summary>
/// <param name="Id">Redis stream id.</param>
/// <param name="At">When (server time).</param>
/// <param name="Who">Token subject.</param>
/// <param name="Action">e.g. <c>dialplan.publish</c>, <c>hours.update</c>, <c>emergency.set</c>, <c>agent.force</c>.</param>
/// <param name="Details">What changed.</param>
public sealed record AuditEntry(string Id, DateTimeOffset At, string Who, string Action, string Details);
