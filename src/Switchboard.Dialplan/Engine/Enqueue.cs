using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Engine;

/// <summary>Put the caller in <paramref name="Queue"/> (skill, level, priority and escalation are on it) with their language.</summary>
public sealed record Enqueue(QueueDefinition Queue, string Language) : IvrCommand
{
    /// <inheritdoc />
    public override string ToString() => $"enqueue {Queue.Id} (skill {Queue.Skill}>={Queue.MinLevel}, priority {Queue.Priority}, {Language})";
}
