namespace Switchboard.Acd.Agents;

/// <summary>A skill an agent has, with a level (higher is better), e.g. <c>bsu:8</c>.</summary>
public readonly record struct AgentSkill(string Name, int Level)
{
    public override string ToString() => $"{Name}:{Level}";
}
