using Grpc.Core;
using Switchboard.Acd.Directory;
using Switchboard.Api.Auth;
using Switchboard.Api.Supervisor.V1;
using DirectoryAgent = Switchboard.Api.Supervisor.V1.DirectoryAgent;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxReasonLength = 200;

    public override async Task<DirectoryAgent> CreateAgent(CreateAgentRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        var ct = context.CancellationToken;
        var proto = request.Agent ?? throw Invalid("agent is required");
        if (request.PhonePassword.Length == 0)
        {
            throw Invalid("phone_password is required: the agent's phone registers with it (stored only as H(A1))");
        }

        var entry = Checked(DirectoryMapper.ToStore(proto, Secret(proto.PhoneUser.Trim(), request.PhonePassword)));
        var (result, stored) = await directory.CreateAsync(entry, who, ct).ConfigureAwait(false);
        ThrowUnlessStored(result, entry);
        await audit.AppendAsync(who, "agent.create", $"{entry.Id}: {DirectoryChange.Describe(stored!)}", ct).ConfigureAwait(false);
        await profiles.ApplyAsync(stored!, ct).ConfigureAwait(false);
        return DirectoryMapper.ToProto(stored!);
    }

    public override async Task<DirectoryAgent> UpdateAgent(UpdateAgentRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        var ct = context.CancellationToken;
        var proto = request.Agent ?? throw Invalid("agent is required");
        var before = await RequireEntryAsync(proto.AgentId.Trim(), ct).ConfigureAwait(false);
        var phoneUser = proto.PhoneUser.Trim();
        PhoneSecret? secret;
        if (request.PhonePassword.Length > 0)
        {
            secret = Secret(phoneUser, request.PhonePassword);
        }
        else if (!string.Equals(phoneUser, before.PhoneUser, StringComparison.Ordinal))
        {
            // H(A1) hashes the user name: a renamed account cannot keep the old hash.
            throw Invalid("a new phone_user needs a new phone_password");
        }
        else
        {
            secret = before.PhoneSecret;
        }

        var entry = Checked(DirectoryMapper.ToStore(proto, secret));
        var (result, stored) = await directory.UpdateAsync(entry, who, request.ExpectedVersion, ct).ConfigureAwait(false);
        ThrowUnlessStored(result, entry);
        await audit.AppendAsync(who, "agent.update", $"{entry.Id}: {DirectoryChange.Describe(before, stored!)}", ct).ConfigureAwait(false);
        await profiles.ApplyAsync(stored!, ct).ConfigureAwait(false);
        return DirectoryMapper.ToProto(stored!);
    }

    public override async Task<DirectoryAgent> DisableAgent(DisableAgentRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        var ct = context.CancellationToken;
        if (request.Reason.Length > MaxReasonLength || request.Reason.Any(char.IsControl))
        {
            throw Invalid($"reason: at most {MaxReasonLength} characters, no control characters");
        }

        var before = await RequireEntryAsync(request.AgentId.Trim(), ct).ConfigureAwait(false);
        var (result, stored) = await directory.UpdateAsync(before with { Enabled = false }, who, before.Version, ct).ConfigureAwait(false);
        ThrowUnlessStored(result, before);
        await audit.AppendAsync(who, "agent.disable", $"{before.Id}: {request.Reason}", ct).ConfigureAwait(false);
        await profiles.ApplyAsync(stored!, ct).ConfigureAwait(false);
        return DirectoryMapper.ToProto(stored!);
    }

    public override async Task<ListDirectoryAgentsResponse> ListDirectoryAgents(ListDirectoryAgentsRequest request, ServerCallContext context)
    {
        var all = await directory.ListAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new ListDirectoryAgentsResponse();
        response.Agents.AddRange(all
            .Where(a => request.IncludeDisabled || a.Enabled)
            .Where(a => request.Queue.Length == 0 || a.Queues.Contains(request.Queue))
            .Select(DirectoryMapper.ToProto));
        return response;
    }

    public override async Task<DirectoryAgent> GetDirectoryAgent(GetDirectoryAgentRequest request, ServerCallContext context) =>
        DirectoryMapper.ToProto(await RequireEntryAsync(request.AgentId.Trim(), context.CancellationToken).ConfigureAwait(false));

    private async Task<Acd.Directory.DirectoryAgent> RequireEntryAsync(string agentId, CancellationToken cancellationToken)
    {
        if (DirectoryAgentValidator.CheckId(agentId) is { } problem)
        {
            throw Invalid(problem);
        }

        return await directory.GetAsync(agentId, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"agent '{agentId}' is not in the agent directory"));
    }

    private PhoneSecret Secret(string phoneUser, string password)
    {
        if (DirectoryAgentValidator.CheckPhoneUser(phoneUser) is { } problem)
        {
            throw Invalid(problem);
        }

        try
        {
            return PhoneSecret.FromPassword(phoneUser, directoryOptions.Realm, password);
        }
        catch (ArgumentException error)
        {
            throw Invalid("phone_password: " + error.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static Acd.Directory.DirectoryAgent Checked(Acd.Directory.DirectoryAgent entry) =>
        DirectoryAgentValidator.Validate(entry) is { } problem ? throw Invalid(problem) : entry;

    private static void ThrowUnlessStored(DirectoryWriteResult result, Acd.Directory.DirectoryAgent entry)
    {
        switch (result)
        {
            case DirectoryWriteResult.Ok:
                return;
            case DirectoryWriteResult.Exists:
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"agent '{entry.Id}' is already in the directory (use UpdateAgent)"));
            case DirectoryWriteResult.PhoneTaken:
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"phone account '{entry.PhoneUser}' belongs to another agent"));
            case DirectoryWriteResult.NotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"agent '{entry.Id}' is not in the agent directory"));
            case DirectoryWriteResult.VersionMoved:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"agent '{entry.Id}' was changed meanwhile: read it again and retry"));
            default:
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"the agent directory is full ({DirectoryStore.MaxAgents} agents)"));
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
