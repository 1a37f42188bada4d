namespace Switchboard.Acd.Queues;

/// <summary>An escalation applied when a caller has waited <paramref name="After"/> since their place.</summary>
public sealed record EscalationStep(TimeSpan After, EscalationAction Action, int Level = 0, string? Skill = null, string? Queue = null)
{
    public static EscalationStep LowerMinLevel(TimeSpan after, int level) => new(after, EscalationAction.LowerMinLevel, Level: level);

    public static EscalationStep AddSkill(TimeSpan after, string skill, int level) => new(after, EscalationAction.AddSkill, level, skill);

    public static EscalationStep Overflow(TimeSpan after, string queue) => new(after, EscalationAction.Overflow, Queue: queue);
}
