namespace Switchboard.Acd.Queues;

/// <summary>A skill a caller needs, with the minimum level an agent must have.</summary>
public readonly record struct SkillRequirement(string Skill, int MinLevel)
{
    public override string ToString() => $"{Skill}:{MinLevel}";
}
