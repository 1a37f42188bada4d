using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using AgentRosterStore = Switchboard.Acd.Agents.AgentRosterStore;
using Switchboard.Acd.Dialplans;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Live;
using Switchboard.Acd.Store;
using Switchboard.Api.Auth;
using Switchboard.Api.Dialplans;
using Switchboard.Api.Hosting;
using Switchboard.Api.Live;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>
/// <c>switchboard.supervisor.v1.SupervisorService</c>: hours, emergency message, dialplan versions, agents and
/// live queues. Every change is written to the <see cref="AuditStore"/> with the caller's subject.
/// </summary>
[Authorize(Policy = ApiPolicies.Supervisor)]
public sealed partial class SupervisorService(
    AcdStore acd,
    AgentRosterStore roster,
    LiveSettingsStore settings,
    DialplanVersionStore dialplans,
    DialplanPublisher publisher,
    AuditStore audit,
    DirectoryStore directory,
    DirectoryProfiles profiles,
    DirectoryOptions directoryOptions,
    TimeProvider timeProvider) : Supervisor.V1.SupervisorService.SupervisorServiceBase
{
    public override async Task<OpeningHours> GetOpeningHours(GetOpeningHoursRequest request, ServerCallContext context)
    {
        var live = await settings.GetHoursAsync(context.CancellationToken).ConfigureAwait(false);
        if (live is not null)
        {
            return LiveSettingsMapper.ToProto(live);
        }

        // The hours of the dialplan this node's callers get (its registry, inside a node), else the published version's.
        if (context.GetHttpContext().RequestServices.GetService(typeof(Dialplan.Versions.DialplanRegistry)) is Dialplan.Versions.DialplanRegistry registry)
        {
            return OpeningHoursMapper.FromDialplan(registry.Current.Hours);
        }

        var current = await dialplans.GetAsync(0, context.CancellationToken).ConfigureAwait(false);
        var hours = current is null ? null : DialplanHoursReader.Read(current.Value.Yaml);
        return hours ?? new OpeningHours { Source = "dialplan" };
    }

    public override async Task<OpeningHours> UpdateOpeningHours(UpdateOpeningHoursRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        if (request.ClearOverride)
        {
            await settings.ClearHoursAsync(context.CancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(who, "hours.clear", "live opening hours override removed", context.CancellationToken).ConfigureAwait(false);
            return await GetOpeningHours(new GetOpeningHoursRequest(), context).ConfigureAwait(false);
        }

        if (request.Hours is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "hours is required (or set clear_override)"));
        }

        if (OpeningHoursMapper.ToDialplan(request.Hours, out var errors) is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "bad opening hours: " + string.Join("; ", errors)));
        }

        var stored = await settings.SetHoursAsync(LiveSettingsMapper.ToLive(request.Hours), who, context.CancellationToken).ConfigureAwait(false);
        var details = $"{stored.Weekly.Count} weekly ranges, {stored.Exceptions.Count} dated exceptions"
            + (stored.Exceptions.Count > 0 ? ": " + string.Join(", ", stored.Exceptions.Select(e => e.Closed ? $"{e.Date} closed" : $"{e.Date} {string.Join(",", e.Hours)}")) : "");
        await audit.AppendAsync(who, "hours.update", details, context.CancellationToken).ConfigureAwait(false);
        return LiveSettingsMapper.ToProto(stored);
    }

    public override async Task<EmergencyMessage> SetEmergencyMessage(SetEmergencyMessageRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        if (request.Prompts.Any(p => string.IsNullOrWhiteSpace(p) || p.IndexOfAny(['/', '\\']) >= 0 || p.Contains("..", StringComparison.Ordinal)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "prompt names must be plain names (no paths)"));
        }

        var message = await settings.SetEmergencyAsync(request.Enabled, request.Prompts, request.Closed, who, context.CancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            who,
            "emergency.set",
            $"enabled={request.Enabled} closed={request.Closed} prompts=[{string.Join(",", request.Prompts)}]",
            context.CancellationToken).ConfigureAwait(false);
        return LiveSettingsMapper.ToProto(message);
    }

    public override async Task<ListAgentsResponse> ListAgents(ListAgentsRequest request, ServerCallContext context)
    {
        var response = new ListAgentsResponse();
        foreach (var id in await roster.ListAsync().ConfigureAwait(false))
        {
            var status = await acd.GetAgentAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (status is null
                || (!request.IncludeSignedOut && status.State == Acd.Agents.AgentState.LoggedOut)
                || (request.Queue.Length > 0 && !status.Agent.Queues.Contains(request.Queue)))
            {
                continue;
            }

            response.Agents.Add(SupervisorMapper.ToSummary(status));
        }

        return response;
    }

    public override async Task<ForceAgentStateResponse> ForceAgentState(ForceAgentStateRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        if (string.IsNullOrWhiteSpace(request.AgentId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "agent_id is required"));
        }

        var ct = context.CancellationToken;
        var result = request.State switch
        {
            AgentState.SignedOut => await acd.LogoutAsync(request.AgentId, ct).ConfigureAwait(false),
            AgentState.Ready => await acd.ReadyAsync(request.AgentId, ct).ConfigureAwait(false),
            AgentState.Paused => await acd.PauseAsync(request.AgentId, Acd.Agents.PauseReason.Other, ct).ConfigureAwait(false),
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "state must be SIGNED_OUT, READY or PAUSED")),
        };
        switch (result)
        {
            case AcdCommandResult.NotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"agent '{request.AgentId}' is not known"));
            case AcdCommandResult.InvalidState:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "not allowed while the agent holds an offer or a call"));
            default:
                break;
        }

        await audit.AppendAsync(who, "agent.force", $"{request.AgentId} -> {request.State}: {request.Reason}", ct).ConfigureAwait(false);
        var status = await acd.GetAgentAsync(request.AgentId, ct).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"agent '{request.AgentId}' is not known"));
        return new ForceAgentStateResponse { Agent = SupervisorMapper.ToSummary(status) };
    }
}
