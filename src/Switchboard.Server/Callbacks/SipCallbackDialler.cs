using Switchboard.Acd.Callbacks;
using Switchboard.Calls.Flow;
using Switchboard.Server.Calls;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// The SIP dialler for callbacks: each attempt is a call like any other on this node, a <see cref="CallFlow.Callback"/>
/// run by a <see cref="CallExecutor"/> in the <see cref="CallRegistry"/> (agent leg via the registrar, citizen leg via
/// <see cref="TrunkOptions"/>). It answers once the attempt settled; an answered call goes on (hang-up, wrap-up and node
/// shutdown reach it as they reach every call).
/// </summary>
public sealed class SipCallbackDialler(CallContext context, CallRegistry calls) : ICallbackDialler
{
    /// <inheritdoc />
    public async Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = new CallbackPlan(request.CallbackId, request.AgentId, request.AgentPhoneUser, request.Number, request.Language,
            [request.Trunk.HelloPrompt], request.Trunk.AgentRingTimeout, request.Trunk.CitizenRingTimeout);
        var flow = CallFlow.Callback(plan, context.TimeProvider, TransferDestinations.FlowOptions(context));
        var call = new CallExecutor(context with { Trunk = request.Trunk }, flow);
        if (!calls.TryStart(call))
        {
            await call.DisposeAsync().ConfigureAwait(false);
            return new CallbackDialResult(CallbackOutcome.Failed); // already being dialled here, or the node stops
        }

        // The attempt's time is up (or the worker stops) before it settled: end it; the flow settles it on the way out.
        await using var giveUp = cancellationToken.Register(() =>
        {
            if (!call.Settled.IsCompleted)
            {
                call.Post(new Switchboard.Calls.Events.HangUpRequested("callback attempt timeout"));
            }
        }).ConfigureAwait(false);
        return await call.Settled.ConfigureAwait(false) switch
        {
            CallbackAttemptOutcome.Answered => new CallbackDialResult(CallbackOutcome.Answered),
            CallbackAttemptOutcome.NoAnswer => new CallbackDialResult(CallbackOutcome.NoAnswer),
            CallbackAttemptOutcome.Busy => new CallbackDialResult(CallbackOutcome.Busy),
            CallbackAttemptOutcome.AgentNotReached => CallbackDialResult.AgentNotReached,
            _ => new CallbackDialResult(CallbackOutcome.Failed),
        };
    }
}
