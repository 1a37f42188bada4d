namespace Switchboard.Acd.Queues;

/// <summary>What an escalation step does to a waiting caller.</summary>
public enum EscalationAction
{
    /// <summary>Lower every skill requirement's minimum level to <see cref="EscalationStep.Level"/>.</summary>
    LowerMinLevel,

    /// <summary>Also accept members with skill <see cref="EscalationStep.Skill"/> at <see cref="EscalationStep.Level"/>.</summary>
    AddSkill,

    /// <summary>Move to queue <see cref="EscalationStep.Queue"/>, keeping the caller's place.</summary>
    Overflow,
}
