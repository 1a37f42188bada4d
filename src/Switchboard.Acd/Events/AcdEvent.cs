namespace Switchboard.Acd.Events;

/// <summary>One entry of the bounded ACD event stream (<c>sb:{tenant}:events</c>), the raw material for statistics.</summary>
/// <param name="Id">Redis stream entry id (use it to resume reading).</param>
/// <param name="Type">What happened.</param>
/// <param name="At">Node time of the change.</param>
/// <param name="CallId">The call, if the event concerns one.</param>
/// <param name="Queue">The queue, if any.</param>
/// <param name="AgentId">The agent, if any.</param>
/// <param name="Fields">All other fields (see docs/acd.md for each type's fields).</param>
public sealed record AcdEvent(
    string Id,
    AcdEventType Type,
    DateTimeOffset At,
    string? CallId,
    string? Queue,
    string? AgentId,
    IReadOnlyDictionary<string, string> Fields);
