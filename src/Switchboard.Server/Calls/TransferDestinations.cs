using Switchboard.Acd.CallControl;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Server.Callbacks;

namespace Switchboard.Server.Calls;

/// <summary>
/// Where an agent's transfer goes, from the API command or the phone's REFER, under one toll-fraud guard
/// (<see cref="TransferTarget.Resolve"/>: numbers through the callback number policy and the trunk, SIP URIs only in
/// <see cref="TransferOptions.AllowedSipDomains"/>).
/// </summary>
internal static class TransferDestinations
{
    /// <summary>The call flow's options on this node: REFER targets resolved as API transfers are.</summary>
    public static CallFlowOptions FlowOptions(CallContext context) => new()
    {
        ResolveReferTarget = target => Resolve(target, context),
    };

    /// <summary>A number or SIP URI to a destination (or a refusal).</summary>
    public static TransferDestination Resolve(string? target, CallContext context)
    {
        var resolved = TransferTarget.Resolve(target, context.Trunk ?? new TrunkOptions(), context.Transfers ?? new TransferOptions(), context.Callbacks?.Options.NumberPolicy);
        return resolved.Refusal is { } refusal
            ? new RefusedDestination(resolved.Display, refusal)
            : new ExternalDestination(resolved.Uri!, resolved.Credentials, resolved.Display);
    }

    /// <summary>The API's transfer command as the flow's event (ring time capped by <see cref="TransferOptions.MaxRingTimeout"/>).</summary>
    public static TransferRequested FromCommand(CallControlCommand command, CallContext context)
    {
        var destination = string.IsNullOrWhiteSpace(command.TargetQueue)
            ? Resolve(command.TargetNumber, context)
            : new QueueDestination(command.TargetQueue.Trim());
        var maxRing = (context.Transfers ?? new TransferOptions()).MaxRingTimeout;
        var ring = TimeSpan.FromSeconds(Math.Clamp(command.RingTimeoutSeconds, 1, Math.Max(1, (int)maxRing.TotalSeconds)));
        return new TransferRequested(command.AgentId, destination, ring, command.ReturnToQueueOnNoAnswer);
    }
}
