namespace Switchboard.Server.Callbacks;

/// <summary>
/// Implemented by the telephony layer (<see cref="SipCallbackDialler"/>): call the agent's phone; when the agent
/// answers, INVITE <c>sip:{Number}@{trunk host}</c> through the trunk (digest credentials,
/// <see cref="TrunkOptions.CallerId"/> as From / P-Asserted-Identity), play <see cref="TrunkOptions.HelloPrompt"/> on
/// answer and bridge the legs. Returns <see cref="Acd.Callbacks.CallbackOutcome.Answered"/> once bridged (the call
/// then continues and the dialler reports its end to the ACD), or no answer (408/480/ring timeout), busy (486/600),
/// failed (anything else); <see cref="CallbackDialResult.AgentReached"/> is false when the agent did not answer.
/// </summary>
public interface ICallbackDialler
{
    /// <summary>Runs one attempt; the call itself outlives <paramref name="cancellationToken"/> once answered.</summary>
    Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken);
}
