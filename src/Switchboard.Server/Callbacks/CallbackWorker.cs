using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Works a callback an agent accepted: checks the number again (toll-fraud guard: only numbers passing
/// <see cref="PhoneNumberValidator"/> are dialled), counts the attempt, dials through <see cref="ICallbackDialler"/>
/// under a Polly timeout on the injected <see cref="TimeProvider"/>, and records the outcome. Retries are durable
/// (in Redis, see <see cref="CallbackStore.RecordAttemptAsync"/>) so they survive a process crash.
/// Hook for the call flow, one line when the ACD says an agent accepted an entry of kind Callback:
/// <c>await callbackWorker.HandleAcceptedAsync(callId, agentId, ct);</c>
/// </summary>
public sealed class CallbackWorker
{
    private readonly CallbackStore _callbacks;
    private readonly AcdStore _acd;
    private readonly ICallbackDialler _dialler;
    private readonly TrunkOptions _trunk;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _attemptPipeline;
    private readonly AgentNoticeStore? _agentEvents;

    public CallbackWorker(CallbackStore callbacks, AcdStore acd, ICallbackDialler dialler, TrunkOptions trunk, TimeProvider timeProvider, ILogger<CallbackWorker>? logger = null,
        AgentNoticeStore? agentEvents = null)
    {
        _agentEvents = agentEvents;
        ArgumentNullException.ThrowIfNull(timeProvider);
        _callbacks = callbacks ?? throw new ArgumentNullException(nameof(callbacks));
        _acd = acd ?? throw new ArgumentNullException(nameof(acd));
        _dialler = dialler ?? throw new ArgumentNullException(nameof(dialler));
        _trunk = trunk ?? throw new ArgumentNullException(nameof(trunk));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _attemptPipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(trunk.AttemptTimeout)
            .Build();
    }

    /// <summary>The agent accepted callback <paramref name="callbackId"/>: dial it and record the outcome.</summary>
    public async Task<CallbackOutcome> HandleAcceptedAsync(string callbackId, string agentId, CancellationToken cancellationToken = default)
    {
        var entry = await _callbacks.GetAsync(callbackId, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.State is CallbackState.Closed)
        {
            return CallbackOutcome.None;
        }

        var validation = _callbacks.Validate(entry.Number);
        if (!validation.IsValid || string.IsNullOrEmpty(_trunk.Uri))
        {
            CallbackWorkerLog.Refused(_logger, callbackId, validation.Refusal);
            await _callbacks.CompleteAsync(callbackId, agentId, CallbackOutcome.Failed, cancellationToken).ConfigureAwait(false);
            return CallbackOutcome.Failed;
        }

        if (entry.State != CallbackState.Dialling
            && await _callbacks.BeginAttemptAsync(callbackId, agentId, cancellationToken).ConfigureAwait(false) != AcdCommandResult.Ok)
        {
            return CallbackOutcome.None;
        }

        var agent = await _acd.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false);
        var language = (await _acd.GetEntryAsync(callbackId, cancellationToken).ConfigureAwait(false))?.Language;
        var request = new CallbackDialRequest(callbackId, agentId, agent?.Agent.PhoneUser ?? string.Empty, validation.E164!, _trunk,
            string.IsNullOrEmpty(language) ? "sv" : language);
        var result = await DialAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.AgentReached)
        {
            // The agent's phone did not answer: the citizen was not called, the attempt does not count and the
            // callback goes back to its place at once (the ACD counts a missed offer for the agent).
            CallbackWorkerLog.AgentNotReached(_logger, callbackId, agentId);
            await _callbacks.ReleaseAttemptAsync(callbackId, agentId, cancellationToken).ConfigureAwait(false);
            await _acd.RejectAsync(agentId, callbackId, cancellationToken).ConfigureAwait(false);
            return CallbackOutcome.Failed;
        }

        var outcome = result.Outcome;
        CallbackWorkerLog.Attempt(_logger, callbackId, agentId, outcome);
        if (outcome == CallbackOutcome.Answered)
        {
            // Normally already done by the dialler when the citizen answered; a no-op then (wrong state).
            await _acd.CallAnsweredAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }

        await _callbacks.RecordAttemptAsync(callbackId, outcome, cancellationToken).ConfigureAwait(false);
        await TellAgentAsync(callbackId, agentId, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The agent's stream gets <c>callback_completed</c> with the attempt's outcome and the callback's new state.</summary>
    private async Task TellAgentAsync(string callbackId, string agentId, CancellationToken cancellationToken)
    {
        if (_agentEvents is null || await _callbacks.GetAsync(callbackId, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return;
        }

        try
        {
            await _agentEvents.CallbackCompletedAsync(agentId, entry, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            CallbackWorkerLog.DialError(_logger, callbackId, ex);
        }
    }

    private async Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _attemptPipeline.ExecuteAsync(async token => await _dialler.DialAsync(request, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return result.Outcome is CallbackOutcome.Answered or CallbackOutcome.NoAnswer or CallbackOutcome.Busy or CallbackOutcome.Failed
                ? result
                : result with { Outcome = CallbackOutcome.Failed };
        }
        catch (TimeoutRejectedException)
        {
            return new CallbackDialResult(CallbackOutcome.NoAnswer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CallbackWorkerLog.DialError(_logger, request.CallbackId, ex);
            return new CallbackDialResult(CallbackOutcome.Failed);
        }
    }
}
