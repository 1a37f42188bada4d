namespace Switchboard.Dialplan.Model;

/// <summary>
/// One escalation step of a queue, applied by the ACD after <paramref name="After"/> of waiting:
/// lower the minimum skill level, add another group's skill, and/or overflow to another queue keeping the place.
/// <see cref="Location"/> is where the overflow queue is named, or else where the step starts.
/// </summary>
public sealed record EscalationStep(TimeSpan After, int? MinLevel, string? AddSkill, string? OverflowQueue, SourceLocation Location);
