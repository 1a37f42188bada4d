using Switchboard.Acd.Store;

namespace Switchboard.Acd.Callbacks;

public sealed partial class CallbackStore
{
    /// <summary>
    /// An agent takes a callback (offered by the ACD and accepted, or claimed by hand from the list): it is being
    /// dialled; counts an attempt. A hand claim also takes it out of the queue.
    /// </summary>
    public async Task<AcdCommandResult> BeginAttemptAsync(string callbackId, string agentId, CancellationToken cancellationToken = default)
    {
        var r = await TransitionAsync(callbackId, "Pending,RetryWaiting", CallbackState.Dialling, CallbackOutcome.None, "callback_dialling", agentId, countAttempt: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return r.Result;
    }

    /// <summary>
    /// The agent's phone did not answer (the citizen was not called): back to <see cref="CallbackState.Pending"/>,
    /// the attempt counted by <see cref="BeginAttemptAsync"/> taken back. The caller of this method puts the ACD entry
    /// back at its place (<c>AcdStore.RejectAsync</c>).
    /// </summary>
    public async Task<AcdCommandResult> ReleaseAttemptAsync(string callbackId, string agentId, CancellationToken cancellationToken = default)
    {
        var r = await TransitionAsync(callbackId, "Dialling", CallbackState.Pending, CallbackOutcome.None, "callback_agent_missed", agentId, countAttempt: -1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return r.Result;
    }

    /// <summary>
    /// An agent claims a callback from the list by hand: as <see cref="BeginAttemptAsync"/>, then it leaves the queue.
    /// The agent ends it with <see cref="CompleteAsync"/> or <see cref="RecordAttemptAsync"/>; it is not timed out.
    /// </summary>
    public async Task<AcdCommandResult> ClaimAsync(string callbackId, string agentId, CancellationToken cancellationToken = default)
    {
        var result = await BeginAttemptAsync(callbackId, agentId, cancellationToken).ConfigureAwait(false);
        if (result == AcdCommandResult.Ok)
        {
            // Worked by hand: the sweep leaves it Dialling until the agent completes or someone cancels it.
            await RunAsync(token => _redis.GetDatabase().HashSetAsync(_prefix + "cb:" + callbackId, "hand", "1").WaitAsync(token), cancellationToken).ConfigureAwait(false);
            await _acd.AbandonAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Records the outcome of a dial attempt. Answered closes it; no answer / busy / failed schedules the next attempt
    /// <see cref="CallbackOptions.RetryInterval"/> later (back at its original place), or after the last attempt closes
    /// it as <see cref="CallbackOutcome.Unreachable"/>. Returns the callback's new state.
    /// </summary>
    public async Task<(AcdCommandResult Result, CallbackState State)> RecordAttemptAsync(string callbackId, CallbackOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (outcome is not (CallbackOutcome.Answered or CallbackOutcome.NoAnswer or CallbackOutcome.Busy or CallbackOutcome.Failed))
        {
            throw new ArgumentException("A dial attempt ends answered, no answer, busy or failed.", nameof(outcome));
        }

        if (outcome == CallbackOutcome.Answered)
        {
            var answered = await TransitionAsync(callbackId, "Dialling", CallbackState.Closed, CallbackOutcome.Answered, "callback_answered", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (answered.Result, answered.State);
        }

        var entry = await GetAsync(callbackId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return (AcdCommandResult.NotFound, CallbackState.Closed);
        }

        var last = entry.Attempts >= entry.MaxAttempts;
        var r = last
            ? await TransitionAsync(callbackId, "Dialling", CallbackState.Closed, CallbackOutcome.Unreachable, "callback_unreachable", cancellationToken: cancellationToken).ConfigureAwait(false)
            : await TransitionAsync(callbackId, "Dialling", CallbackState.RetryWaiting, outcome, "callback_attempt_failed", retryAt: _timeProvider.GetUtcNow() + Options.RetryInterval, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (r.Result == AcdCommandResult.Ok)
        {
            // Out of the queue (and the agent freed) until the retry time puts it back at its place.
            await _acd.AbandonAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }

        return (r.Result, r.State);
    }

    /// <summary>An agent completes a callback by hand with an outcome (e.g. Completed, Answered, Unreachable).</summary>
    public Task<AcdCommandResult> CompleteAsync(string callbackId, string agentId, CallbackOutcome outcome, CancellationToken cancellationToken = default) =>
        CloseAsync(callbackId, agentId, outcome == CallbackOutcome.None ? CallbackOutcome.Completed : outcome, "callback_completed", cancellationToken);

    /// <summary>A supervisor (or the citizen) cancels a callback.</summary>
    public Task<AcdCommandResult> CancelAsync(string callbackId, string? by = null, CancellationToken cancellationToken = default) =>
        CloseAsync(callbackId, by, CallbackOutcome.Cancelled, "callback_cancelled", cancellationToken);

    private async Task<AcdCommandResult> CloseAsync(string callbackId, string? by, CallbackOutcome outcome, string eventType, CancellationToken cancellationToken)
    {
        var r = await TransitionAsync(callbackId, "Pending,Dialling,RetryWaiting", CallbackState.Closed, outcome, eventType, by, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (r.Result == AcdCommandResult.Ok)
        {
            await _acd.AbandonAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }

        return r.Result;
    }
}
