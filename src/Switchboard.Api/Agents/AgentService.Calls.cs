using Grpc.Core;
using Switchboard.Acd.Callbacks;
using Switchboard.Api.Auth;
using Switchboard.Acd.CallControl;
using Switchboard.Api.Hosting;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

public sealed partial class AgentService
{
    private static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRingTimeout = TimeSpan.FromSeconds(120);

    public override async Task<V1.AcceptOfferResponse> AcceptOffer(V1.AcceptOfferRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        RequireCallId(request.CallId);
        Check(await acd.AcceptAsync(agentId, request.CallId, context.CancellationToken).ConfigureAwait(false), "accept");
        return new V1.AcceptOfferResponse();
    }

    public override async Task<V1.RejectOfferResponse> RejectOffer(V1.RejectOfferRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        RequireCallId(request.CallId);
        Check(await acd.RejectAsync(agentId, request.CallId, context.CancellationToken).ConfigureAwait(false), "reject");
        return new V1.RejectOfferResponse();
    }

    public override async Task<V1.HangUpResponse> HangUp(V1.HangUpRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        await RequireOwnCallAsync(agentId, request.CallId, context.CancellationToken).ConfigureAwait(false);
        await SendAsync(new CallControlCommand(CallControlCommand.HangUp, request.CallId, agentId, Guid.NewGuid().ToString("N")), context.CancellationToken).ConfigureAwait(false);
        return new V1.HangUpResponse();
    }

    public override async Task<V1.TransferResponse> Transfer(V1.TransferRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var ringTimeout = request.RingTimeout?.ToTimeSpan() ?? DefaultRingTimeout;
        if (ringTimeout <= TimeSpan.Zero)
        {
            ringTimeout = DefaultRingTimeout;
        }

        if (ringTimeout > MaxRingTimeout)
        {
            throw Invalid("ring_timeout must be at most 120 s");
        }

        var command = request.TargetCase switch
        {
            V1.TransferRequest.TargetOneofCase.Queue when !string.IsNullOrWhiteSpace(request.Queue) =>
                new CallControlCommand(CallControlCommand.Transfer, request.CallId, agentId, Guid.NewGuid().ToString("N"), TargetQueue: request.Queue),
            V1.TransferRequest.TargetOneofCase.ExternalNumber when Dialable(request.ExternalNumber) =>
                new CallControlCommand(
                    CallControlCommand.Transfer, request.CallId, agentId, Guid.NewGuid().ToString("N"),
                    TargetNumber: request.ExternalNumber,
                    RingTimeoutSeconds: (int)Math.Ceiling(ringTimeout.TotalSeconds),
                    ReturnToQueueOnNoAnswer: request.OnNoAnswerReturnToQueue),
            _ => throw Invalid("give a target: a queue name or an external number (digits, optional +) or SIP URI"),
        };
        await RequireOwnCallAsync(agentId, request.CallId, context.CancellationToken).ConfigureAwait(false);
        await SendAsync(command, context.CancellationToken).ConfigureAwait(false);
        return new V1.TransferResponse { TransferId = command.CommandId };
    }

    public override async Task<V1.CompleteWrapUpResponse> CompleteWrapUp(V1.CompleteWrapUpRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        if (request.Note.Length > MaxNoteLength || request.Note.Any(char.IsControl))
        {
            throw Invalid($"note must be at most {MaxNoteLength} characters without control characters");
        }

        var outcome = AgentMapper.OutcomeName(request.Outcome);
        var recorded = request.Note.Length > 0 ? $"{outcome}: {request.Note}" : outcome;
        Check(await acd.EndWrapUpAsync(agentId, recorded, context.CancellationToken).ConfigureAwait(false), "complete wrap-up");
        return new V1.CompleteWrapUpResponse { Status = await StatusAsync(agentId, context.CancellationToken).ConfigureAwait(false) };
    }

    public override async Task<V1.GetMyStatisticsResponse> GetMyStatistics(V1.GetMyStatisticsRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var dayStart = AgentStatistics.DayStart(timeProvider.GetUtcNow(), options.ResolveTimeZone());
        var events = await AcdEventReader.ReadAllAsync(acd, options.MaxEventsScanned, context.CancellationToken).ConfigureAwait(false);
        return AgentStatistics.Build(agentId, dayStart, events);
    }

    private static void RequireCallId(string callId)
    {
        if (string.IsNullOrWhiteSpace(callId))
        {
            throw Invalid("call_id is required");
        }
    }

    /// <summary>The external target passes the one dialling policy (checked again where the call is, before dialling).</summary>
    private bool Dialable(string target)
    {
        var check = DialTargetValidator.Validate(target, dialTargets);
        return check.IsValid ? true : throw Invalid("external target refused: " + check.Refusal);
    }

    private async Task RequireOwnCallAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        RequireCallId(callId);
        var status = await acd.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (status is not null && string.Equals(status.CallId, callId, StringComparison.Ordinal) && status.State == Acd.Agents.AgentState.OnCall)
        {
            return;
        }

        var entry = await acd.GetEntryAsync(callId, cancellationToken).ConfigureAwait(false);
        if (entry?.AgentId is { } holder && !string.Equals(holder, agentId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "an agent may control only their own calls"));
        }

        throw new RpcException(new Status(StatusCode.FailedPrecondition, $"agent is not connected to call '{callId}'"));
    }

    private async Task SendAsync(CallControlCommand command, CancellationToken cancellationToken)
    {
        if (!await callControl.SendAsync(command, cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "no switchboard node is handling calls right now"));
        }
    }
}
