using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Switchboard.Api.Auth;
using Switchboard.Api.Dialplans;
using Switchboard.Api.Hosting;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxDialplanBytes = 1024 * 1024;
    private static readonly TimeSpan MinWatchInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromSeconds(2);

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
        var findings = dialplans.Validate(request.Yaml);
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
            var (info, findings) = await dialplans.PublishAsync(request.Yaml, who, request.Comment, request.ExpectedCurrentSequence, context.CancellationToken).ConfigureAwait(false);
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
            var info = await dialplans.RollbackAsync(request.Sequence, who, request.Comment, context.CancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(who, "dialplan.rollback", $"version {info.Sequence} = version {request.Sequence}: {info.ChangeSummary}", context.CancellationToken).ConfigureAwait(false);
            return new PublishDialplanResponse { Version = SupervisorMapper.ToProto(info) };
        }
        catch (KeyNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
    }

    public override async Task WatchQueues(WatchQueuesRequest request, IServerStreamWriter<QueueSnapshot> responseStream, ServerCallContext context)
    {
        var interval = request.Interval?.ToTimeSpan() ?? DefaultWatchInterval;
        if (interval <= TimeSpan.Zero)
        {
            interval = DefaultWatchInterval;
        }

        interval = interval < MinWatchInterval ? MinWatchInterval : interval;
        var queues = request.Queues.ToHashSet(StringComparer.Ordinal);
        var ct = context.CancellationToken;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await responseStream.WriteAsync(await SnapshotAsync(queues, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                await Task.Delay(interval, timeProvider, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>One live snapshot of <paramref name="queues"/> (empty: all seen today).</summary>
    internal async Task<QueueSnapshot> SnapshotAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var dayStart = Agents.AgentStatistics.DayStart(now, options.ResolveTimeZone());
        var events = (await AcdEventReader.ReadAllAsync(acd, options.MaxEventsScanned, cancellationToken).ConfigureAwait(false))
            .Where(e => e.At >= dayStart);
        var agents = new List<Acd.Agents.AgentStatus>();
        foreach (var id in await roster.ListAsync().ConfigureAwait(false))
        {
            if (await acd.GetAgentAsync(id, cancellationToken).ConfigureAwait(false) is { } status)
            {
                agents.Add(status);
            }
        }

        var snapshot = new QueueSnapshot
        {
            At = Timestamp.FromDateTimeOffset(now),
            EmergencyEnabled = (await settings.GetEmergencyAsync(cancellationToken).ConfigureAwait(false)).Enabled,
            DialplanSequence = await dialplans.GetCurrentSequenceAsync(cancellationToken).ConfigureAwait(false),
        };
        snapshot.Queues.AddRange(QueueSnapshotBuilder.Build(events, agents, queues, now));
        return snapshot;
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
    }
}
