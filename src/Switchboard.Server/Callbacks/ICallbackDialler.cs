using Switchboard.Acd.Callbacks;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Implemented by the telephony layer: call the agent's phone; when the agent answers, INVITE
/// <c>sip:{Number}@{trunk host}</c> through the trunk (digest credentials, <see cref="TrunkOptions.CallerId"/> as
/// From / P-Asserted-Identity), play <see cref="TrunkOptions.HelloPrompt"/> on answer and bridge the legs.
/// Returns <see cref="CallbackOutcome.Answered"/> once bridged (the call then continues), or
/// <see cref="CallbackOutcome.NoAnswer"/> (408/480/ring timeout), <see cref="CallbackOutcome.Busy"/> (486/600),
/// <see cref="CallbackOutcome.Failed"/> (anything else, including the agent not answering).
/// </summary>
public interface ICallbackDialler
{
    Task<CallbackOutcome> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken);
}
