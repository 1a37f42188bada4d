using Grpc.Core;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;
using Switchboard.Api.Auth;
using Switchboard.Api.Callbacks;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

public sealed partial class AgentService
{
    public override async Task<V1.ListCallbacksResponse> ListCallbacks(V1.ListCallbacksRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var store = CallbackApiServices.Store(context);
        var limit = CallbackApiServices.Limit(request.Limit);
        var ct = context.CancellationToken;
        var queues = await AgentQueuesAsync(agentId, ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(request.Queue))
        {
            if (!queues.Contains(request.Queue))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"queue '{request.Queue}' is not one of the agent's assigned queues"));
            }

            queues = [request.Queue];
        }

        var open = new List<CallbackEntry>();
        foreach (var queue in queues)
        {
            open.AddRange(await store.ListOpenAsync(queue, limit, ct).ConfigureAwait(false));
        }

        var shown = open.OrderBy(e => e.Place).Take(limit).ToList();
        // Callback lists show citizens' phone numbers: every read is in the audit trail.
        await audit.AppendAsync(agentId, "callback.list", $"{string.Join(",", queues)}: {shown.Count} callbacks", ct).ConfigureAwait(false);
        var response = new V1.ListCallbacksResponse();
        response.Callbacks.AddRange(shown.Select(CallbackMapper.ToAgent));
        return response;
    }

    public override async Task<V1.ClaimCallbackResponse> ClaimCallback(V1.ClaimCallbackRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var id = CallbackApiServices.RequireId(request.CallbackId);
        var store = CallbackApiServices.Store(context);
        var ct = context.CancellationToken;
        var entry = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        await RequireOwnQueueAsync(agentId, entry, ct).ConfigureAwait(false);
        CheckCallback(await store.ClaimAsync(id, agentId, ct).ConfigureAwait(false), "claim", entry);
        var claimedEntry = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        await notices.PublishAsync(agentId, new CallbackClaimedNotice(timeProvider.GetUtcNow(), claimedEntry), ct).ConfigureAwait(false);
        return new V1.ClaimCallbackResponse { Callback = CallbackMapper.ToAgent(claimedEntry) };
    }

    public override async Task<V1.CompleteCallbackResponse> CompleteCallback(V1.CompleteCallbackRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var id = CallbackApiServices.RequireId(request.CallbackId);
        var outcome = CallbackMapper.ToStore(request.Outcome) switch
        {
            null or CallbackOutcome.Cancelled or CallbackOutcome.Expired => throw Invalid("outcome must be ANSWERED, COMPLETED, NO_ANSWER, BUSY, FAILED or UNREACHABLE (use CancelCallback to cancel)"),
            { } o => o,
        };
        var store = CallbackApiServices.Store(context);
        var ct = context.CancellationToken;
        var entry = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        if (entry.State != CallbackState.Dialling || !string.Equals(entry.AgentId, agentId, StringComparison.Ordinal))
        {
            throw entry.State == CallbackState.Dialling
                ? new RpcException(new Status(StatusCode.PermissionDenied, "the callback is held by another agent"))
                : new RpcException(new Status(StatusCode.FailedPrecondition, $"complete: the callback is {entry.State}, not held by the agent (claim it first)"));
        }

        var result = outcome is CallbackOutcome.NoAnswer or CallbackOutcome.Busy or CallbackOutcome.Failed
            ? (await store.RecordAttemptAsync(id, outcome, ct).ConfigureAwait(false)).Result
            : await store.CompleteAsync(id, agentId, outcome, ct).ConfigureAwait(false);
        CheckCallback(result, "complete", entry);
        var completed = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        await notices.CallbackCompletedAsync(agentId, completed, ct).ConfigureAwait(false);
        return new V1.CompleteCallbackResponse { Callback = CallbackMapper.ToAgent(completed) };
    }

    public override async Task<V1.CancelCallbackResponse> CancelCallback(V1.CancelCallbackRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var id = CallbackApiServices.RequireId(request.CallbackId);
        var store = CallbackApiServices.Store(context);
        var ct = context.CancellationToken;
        var entry = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        await RequireOwnQueueAsync(agentId, entry, ct).ConfigureAwait(false);
        if (entry.State == CallbackState.Dialling && !string.Equals(entry.AgentId, agentId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "the callback is held by another agent"));
        }

        CheckCallback(await store.CancelAsync(id, agentId, ct).ConfigureAwait(false), "cancel", entry);
        var cancelled = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        var message = new CallbackCancelledNotice(timeProvider.GetUtcNow(), cancelled, agentId);
        await notices.PublishAsync(agentId, message, ct).ConfigureAwait(false);
        if (entry.AgentId is { Length: > 0 } holder && !string.Equals(holder, agentId, StringComparison.Ordinal))
        {
            await notices.PublishAsync(holder, message, ct).ConfigureAwait(false);
        }

        return new V1.CancelCallbackResponse { Callback = CallbackMapper.ToAgent(cancelled) };
    }

    /// <summary>The queues the directory assigns to the agent (callbacks of other queues are never shown or touched).</summary>
    private async Task<IReadOnlyCollection<string>> AgentQueuesAsync(string agentId, CancellationToken cancellationToken)
    {
        var entry = await directory.GetAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"agent '{agentId}' is not in the agent directory"));
        }

        if (!entry.Enabled)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"agent '{agentId}' is disabled in the agent directory"));
        }

        return entry.Queues.ToHashSet(StringComparer.Ordinal);
    }

    private async Task RequireOwnQueueAsync(string agentId, CallbackEntry entry, CancellationToken cancellationToken)
    {
        var queues = await AgentQueuesAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (!queues.Contains(entry.Queue))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"callback '{entry.Id}' belongs to queue '{entry.Queue}', not one of the agent's assigned queues"));
        }
    }

    private static void CheckCallback(AcdCommandResult result, string what, CallbackEntry before)
    {
        switch (result)
        {
            case AcdCommandResult.Ok:
                return;
            case AcdCommandResult.NotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"{what}: no callback '{before.Id}'"));
            default:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{what}: not allowed while the callback is {before.State}"));
        }
    }
}
