using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Switchboard.Acd.Agents;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Live;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;
using Switchboard.Api.Auth;
using Switchboard.Api.Hosting;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

/// <summary>
/// <c>switchboard.agent.v1.AgentService</c>: an agent's own console on top of the ACD. Every RPC acts on the
/// token subject's agent id only (<see cref="ServerCallContextExtensions.OwnAgentId"/>).
/// </summary>
[Authorize(Policy = ApiPolicies.Agent)]
public sealed partial class AgentService(
    AcdStore acd,
    AgentRosterStore roster,
    AgentNoticeStore notices,
    ICallControl callControl,
    DirectoryStore directory,
    ApiOptions options,
    DialTargetPolicy dialTargets,
    AuditStore audit,
    TimeProvider timeProvider) : V1.AgentService.AgentServiceBase
{
    private const int MaxNoteLength = 500;

    public override async Task<V1.SignInResponse> SignIn(V1.SignInRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        if (request.SipAddress.Length > 0)
        {
            throw Invalid("sip_address is not accepted: the phone that rings is your directory phone account's registration (ask a supervisor)");
        }

        if (request.Skills.Count > 0)
        {
            throw Invalid("skills are not accepted: skills and levels come from the agent directory (ask a supervisor)");
        }

        var entry = await directory.GetAsync(agentId, context.CancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"sign in: agent '{agentId}' is not in the agent directory (a supervisor adds agents)"));
        }

        if (!entry.Enabled)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"sign in: agent '{agentId}' is disabled in the agent directory"));
        }

        var selection = new AgentSelection([.. request.Queues.Distinct(StringComparer.Ordinal)], [.. request.Languages.Distinct(StringComparer.Ordinal)]);
        if (selection.Queues.FirstOrDefault(q => !entry.Queues.Contains(q)) is { } foreignQueue)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"sign in: queue '{foreignQueue}' is not assigned to {agentId} (assigned: {string.Join(", ", entry.Queues)}); an agent may narrow, never widen"));
        }

        if (selection.Languages.FirstOrDefault(l => !entry.Languages.Contains(l)) is { } foreignLanguage)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"sign in: language '{foreignLanguage}' is not in {agentId}'s directory entry (languages: {string.Join(", ", entry.Languages)})"));
        }

        var agent = DirectoryProfiles.ToLive(entry, selection);
        var ct = context.CancellationToken;

        // Signing in again (e.g. after the console crashed) is allowed while ready or paused, and replaces the profile.
        // While an offer or a call is in hand it is refused before anything changes: a new profile must not make the
        // agent eligible for callers while nobody is watching the old offer.
        var current = await acd.GetAgentAsync(agentId, ct).ConfigureAwait(false);
        if (current?.State is Acd.Agents.AgentState.Reserved or Acd.Agents.AgentState.OnCall or Acd.Agents.AgentState.WrapUp)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"sign in: {agentId} is already signed in and {current.State}; finish the call or sign out first"));
        }

        await directory.SetSelectionAsync(agentId, selection, ct).ConfigureAwait(false);
        await acd.RegisterAgentAsync(agent, ct).ConfigureAwait(false);
        await roster.AddAsync(agentId).ConfigureAwait(false);
        var alreadyThere = request.StartPaused
            ? current?.State == Acd.Agents.AgentState.Paused && current.PauseReason == AgentMapper.ToAcd(request.PauseReason)
            : current?.State == Acd.Agents.AgentState.Ready;
        if (!alreadyThere)
        {
            // Straight into the requested state: a paused sign-in never passes through Ready (no offer can slip in between).
            Check(request.StartPaused
                ? await acd.PauseAsync(agentId, AgentMapper.ToAcd(request.PauseReason), ct).ConfigureAwait(false)
                : await acd.ReadyAsync(agentId, ct).ConfigureAwait(false), "sign in");
        }

        return new V1.SignInResponse { Status = await StatusAsync(agentId, ct).ConfigureAwait(false) };
    }

    public override async Task<V1.SignOutResponse> SignOut(V1.SignOutRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        Check(await acd.LogoutAsync(agentId, context.CancellationToken).ConfigureAwait(false), "sign out");
        return new V1.SignOutResponse { Status = await StatusAsync(agentId, context.CancellationToken).ConfigureAwait(false) };
    }

    public override async Task<V1.SetStateResponse> SetState(V1.SetStateRequest request, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        var ct = context.CancellationToken;
        var result = request.State switch
        {
            V1.AgentState.Ready => await acd.ReadyAsync(agentId, ct).ConfigureAwait(false),
            V1.AgentState.Paused when request.PauseReason == V1.PauseReason.Unspecified => throw Invalid("pause_reason is required when pausing"),
            V1.AgentState.Paused => await acd.PauseAsync(agentId, AgentMapper.ToAcd(request.PauseReason), ct).ConfigureAwait(false),
            _ => throw Invalid("state must be AGENT_STATE_READY or AGENT_STATE_PAUSED"),
        };
        Check(result, "set state");
        return new V1.SetStateResponse { Status = await StatusAsync(agentId, ct).ConfigureAwait(false) };
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    private static void Check(AcdCommandResult result, string what)
    {
        switch (result)
        {
            case AcdCommandResult.Ok:
                return;
            case AcdCommandResult.NotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"{what}: no such agent or call (sign in first, or the call has ended)"));
            default:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{what}: not allowed in the agent's current state"));
        }
    }

    private async Task<V1.AgentStatus> StatusAsync(string agentId, CancellationToken cancellationToken)
    {
        var status = await acd.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"agent '{agentId}' is not known: sign in first"));
        return AgentMapper.ToProto(status);
    }
}
