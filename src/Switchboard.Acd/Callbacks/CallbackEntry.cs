namespace Switchboard.Acd.Callbacks;

/// <summary>A callback request as stored in Redis (<c>sb:{tenant}:cb:{id}</c>).</summary>
/// <param name="Id">Callback id (also its call id in the ACD queue).</param>
/// <param name="Queue">Queue.</param>
/// <param name="Number">E.164 number to call; null once purged after the retention time.</param>
/// <param name="CallerNumber">Number the citizen called from; null once purged.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Outcome">Latest attempt's result, or why it closed.</param>
/// <param name="RequestedAt">When first requested.</param>
/// <param name="Place">The place kept in the queue.</param>
/// <param name="ExpiresAt">Closed as expired if not worked by then.</param>
/// <param name="Attempts">Dial attempts so far.</param>
/// <param name="MaxAttempts">Attempts allowed.</param>
/// <param name="NextAttemptAt">When it goes back to the queue (RetryWaiting).</param>
/// <param name="AgentId">The agent who last took it.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Requests">How many times the citizen asked (a repeated request updates the first).</param>
public sealed record CallbackEntry(
    string Id,
    string Queue,
    string? Number,
    string? CallerNumber,
    CallbackState State,
    CallbackOutcome Outcome,
    DateTimeOffset RequestedAt,
    DateTimeOffset Place,
    DateTimeOffset ExpiresAt,
    int Attempts,
    int MaxAttempts,
    DateTimeOffset? NextAttemptAt,
    string? AgentId,
    DateTimeOffset? ClosedAt,
    int Requests);
