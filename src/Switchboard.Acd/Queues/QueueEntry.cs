namespace Switchboard.Acd.Queues;

/// <summary>A caller or callback in a queue, as stored in Redis.</summary>
/// <param name="CallId">Unique call id.</param>
/// <param name="Queue">Current queue (after overflow).</param>
/// <param name="Skills">Current skill requirements (after escalation); any one satisfies.</param>
/// <param name="Language">Preferred language or null.</param>
/// <param name="Priority">0..9, higher first.</param>
/// <param name="EnqueuedAt">The caller's place: kept across re-offers and overflow.</param>
/// <param name="Node">Node that owns the live call.</param>
/// <param name="Kind">Call or callback.</param>
/// <param name="CallerNumber">Caller's number.</param>
/// <param name="CallbackNumber">Number to call back (callbacks).</param>
/// <param name="State">Waiting, offered, accepted or answered.</param>
/// <param name="AgentId">Agent offered to or connected with.</param>
/// <param name="EscalationsApplied">Escalation steps applied so far.</param>
public sealed record QueueEntry(
    string CallId,
    string Queue,
    IReadOnlyList<SkillRequirement> Skills,
    string? Language,
    int Priority,
    DateTimeOffset EnqueuedAt,
    string Node,
    QueueEntryKind Kind,
    string? CallerNumber,
    string? CallbackNumber,
    QueueEntryState State,
    string? AgentId,
    int EscalationsApplied);
