namespace Switchboard.Acd.Queues;

/// <summary>A caller (or callback) to put in a queue.</summary>
/// <param name="CallId">Unique call id (no <c>|</c>).</param>
/// <param name="Queue">Queue (svarsgrupp) name.</param>
/// <param name="Skills">
/// Skill requirements; an agent qualifies when it satisfies any of them. Empty: any member of the queue.
/// </param>
/// <param name="Language">Preferred language, e.g. <c>sv</c>; null or empty for any.</param>
/// <param name="Priority">0..9, higher served first (clamped).</param>
/// <param name="CallerNumber">The caller's number, shown to the agent.</param>
/// <param name="Kind">Live call or callback.</param>
/// <param name="CallbackNumber">The number to call back (callbacks only).</param>
/// <param name="OriginalEnqueuedAt">For a callback converted from a waiting call: the caller's place to keep.</param>
public sealed record EnqueueRequest(
    string CallId,
    string Queue,
    IReadOnlyList<SkillRequirement> Skills,
    string? Language = null,
    int Priority = 0,
    string? CallerNumber = null,
    QueueEntryKind Kind = QueueEntryKind.Call,
    string? CallbackNumber = null,
    DateTimeOffset? OriginalEnqueuedAt = null);
