using Grpc.Core;
using Switchboard.Api.Auth;
using Switchboard.Api.Dialplans;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxDialplanBytes = 1024 * 1024;

    public override async Task<GetDialplanResponse> GetDialplan(GetDialplanRequest request, ServerCallContext context)
    {
        var limit = request.HistoryLimit <= 0 ? 20 : Math.Min(request.HistoryLimit, 200);
        var response = new GetDialplanResponse();
        var version = await dialplans.GetAsync(request.Sequence, context.CancellationToken).ConfigureAwait(false);
        if (version is null && request.Sequence > 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"dialplan version {request.Sequence} does not exist"));
        }

        if (version is { } v)
        {
            response.Yaml = v.Yaml;
            response.Version = SupervisorMapper.ToProto(v.Info);
        }

        var history = await dialplans.GetHistoryAsync(limit, context.CancellationToken).ConfigureAwait(false);
        response.History.AddRange(history.Select(SupervisorMapper.ToProto));
        return response;
    }

    public override Task<ValidateDialplanResponse> ValidateDialplan(ValidateDialplanRequest request, ServerCallContext context)
    {
        RequireYaml(request.Yaml);
        var findings = publisher.Validate(request.Yaml);
        var response = new ValidateDialplanResponse { Valid = !findings.Any(f => f.IsError) };
        response.Problems.AddRange(findings.Select(SupervisorMapper.ToProto));
        return Task.FromResult(response);
    }

    public override async Task<PublishDialplanResponse> PublishDialplan(PublishDialplanRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        RequireYaml(request.Yaml);
        try
        {
            var (info, findings) = await publisher.PublishAsync(request.Yaml, who, request.Comment, request.ExpectedCurrentSequence, context.CancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(who, "dialplan.publish", $"version {info.Sequence} ({info.ContentHash[..12]}): {info.ChangeSummary}", context.CancellationToken).ConfigureAwait(false);
            var response = new PublishDialplanResponse { Version = SupervisorMapper.ToProto(info) };
            response.Problems.AddRange(findings.Select(SupervisorMapper.ToProto));
            return response;
        }
        catch (DialplanPublishException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }

    public override async Task<PublishDialplanResponse> RollbackDialplan(RollbackDialplanRequest request, ServerCallContext context)
    {
        var who = context.GetCaller().Subject;
        if (request.Sequence <= 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "sequence must be a published version number"));
        }

        try
        {
            var info = await publisher.RollbackAsync(request.Sequence, who, request.Comment, context.CancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(who, "dialplan.rollback", $"version {info.Sequence} = version {request.Sequence}: {info.ChangeSummary}", context.CancellationToken).ConfigureAwait(false);
            return new PublishDialplanResponse { Version = SupervisorMapper.ToProto(info) };
        }
        catch (KeyNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
    }

    private static void RequireYaml(string yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "yaml is required"));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > MaxDialplanBytes)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "yaml is larger than 1 MiB"));
        }

        // Depth, node count and alias expansion are checked on the parser's event stream before anything builds a tree.
        if (YamlInputGuard.Check(yaml, DialplanLoaderChecker.SourceName) is { } refused)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, refused.ToString()));
        }
    }
}
