using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;
using Switchboard.Api.Auth;
using Switchboard.Api.Callbacks;
using Switchboard.Api.Supervisor.V1;
using AgentV1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxCancelReasonLength = 200;

    public override async Task<ListCallbacksResponse> ListCallbacks(ListCallbacksRequest request, ServerCallContext context)
    {
        var store = CallbackApiServices.Store(context);
        var limit = CallbackApiServices.Limit(request.Limit);
        var queue = string.IsNullOrEmpty(request.Queue) ? null : request.Queue;
        var open = await store.ListOpenAsync(queue, limit, context.CancellationToken).ConfigureAwait(false);
        // Callback lists show citizens' phone numbers: every read is in the audit trail.
        await audit.AppendAsync(context.GetCaller().Subject, "callback.list", $"{queue ?? "all queues"}: {open.Count} callbacks", context.CancellationToken).ConfigureAwait(false);
        var response = new ListCallbacksResponse();
        response.Callbacks.AddRange(open.Select(CallbackMapper.ToSupervisor));
        return response;
    }

    public override async Task<CancelCallbackResponse> CancelCallback(CancelCallbackRequest request, ServerCallContext context)
    {
        var id = CallbackApiServices.RequireId(request.CallbackId);
        if (request.Reason.Length > MaxCancelReasonLength || request.Reason.Any(char.IsControl))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"reason must be at most {MaxCancelReasonLength} characters without control characters"));
        }

        var who = context.GetCaller().Subject;
        var store = CallbackApiServices.Store(context);
        var ct = context.CancellationToken;
        var entry = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        switch (await store.CancelAsync(id, null, ct).ConfigureAwait(false))
        {
            case AcdCommandResult.Ok:
                break;
            case AcdCommandResult.NotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"no callback '{id}'"));
            default:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"cancel: the callback is already {entry.State} ({entry.Outcome})"));
        }

        await audit.AppendAsync(who, "callback.cancel", $"{id} in {entry.Queue}" + (request.Reason.Length > 0 ? ": " + request.Reason : string.Empty), ct).ConfigureAwait(false);
        var after = await CallbackApiServices.GetAsync(store, id, ct).ConfigureAwait(false);
        if (entry.AgentId is { Length: > 0 } holder && context.GetHttpContext().RequestServices.GetService<AgentNoticeStore>() is { } notices)
        {
            // The agent who last held it hears of it on their stream.
            await notices.PublishAsync(holder, new CallbackCancelledNotice(timeProvider.GetUtcNow(), after, who), ct).ConfigureAwait(false);
        }

        return new CancelCallbackResponse { Callback = CallbackMapper.ToSupervisor(after) };
    }
}
