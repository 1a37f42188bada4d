namespace Switchboard.Acd.Callbacks;

/// <summary>A citizen asks to be called back.</summary>
/// <param name="Queue">Queue (svarsgrupp).</param>
/// <param name="Number">The number to call back, in any accepted form (validated and normalised to E.164).</param>
/// <param name="CallerNumber">The number the citizen called from (From / P-Asserted-Identity), for the agent.</param>
/// <param name="ReplacesCallId">
/// The live call waiting in the queue that becomes this callback: its place, skills, language and priority are kept
/// and the live call leaves the queue. Null for a request made outside opening hours (at the back, oldest first).
/// </param>
/// <param name="Language">Preferred language when not replacing a call.</param>
/// <param name="Priority">0..9 when not replacing a call.</param>
/// <param name="OperationId">
/// Makes the request idempotent: asked again with the same id (a retry after a timeout or a Redis failover) it answers
/// as the first time and books nothing twice; the callback's id is <c>cb-</c> + this id. Null: a new id each time.
/// </param>
public sealed record CallbackRequest(
    string Queue,
    string Number,
    string? CallerNumber = null,
    string? ReplacesCallId = null,
    string? Language = null,
    int Priority = 0,
    string? OperationId = null);
