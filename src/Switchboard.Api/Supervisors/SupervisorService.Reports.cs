using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Statistics;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    /// <summary>Longest period one report request may cover.</summary>
    public static readonly TimeSpan MaxReportPeriod = TimeSpan.FromDays(400);

    public override async Task<GetQueueReportResponse> GetQueueReport(GetQueueReportRequest request, ServerCallContext context)
    {
        var (from, to) = Period(request.From, request.To);
        var grouping = ReportMapper.ToGrouping(request.Grouping);
        var (aggregator, statistics) = Statistics(context);
        var ct = context.CancellationToken;
        await aggregator.FoldAsync(ct).ConfigureAwait(false);
        var wanted = request.Queues.ToHashSet(StringComparer.Ordinal);
        var response = new GetQueueReportResponse
        {
            ServiceLevelThreshold = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(statistics.ServiceLevelThreshold),
            ShortAbandonThreshold = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(statistics.ShortAbandonThreshold),
            TimeZone = statistics.TimeZoneId,
        };
        response.WaitBuckets.AddRange(ReportMapper.WaitBuckets());
        foreach (var report in await aggregator.ReadQueueReportsAsync(from, to, grouping, ct).ConfigureAwait(false))
        {
            if (wanted.Count == 0 || wanted.Contains(report.Queue))
            {
                response.Rows.Add(ReportMapper.ToProto(report));
            }
        }

        return response;
    }

    public override async Task<GetAgentReportResponse> GetAgentReport(GetAgentReportRequest request, ServerCallContext context)
    {
        var (from, to) = Period(request.From, request.To);
        var grouping = ReportMapper.ToGrouping(request.Grouping);
        var (aggregator, statistics) = Statistics(context);
        var ct = context.CancellationToken;
        await aggregator.FoldAsync(ct).ConfigureAwait(false);
        var wanted = request.Agents.ToHashSet(StringComparer.Ordinal);
        var response = new GetAgentReportResponse { TimeZone = statistics.TimeZoneId };
        foreach (var report in await aggregator.ReadAgentReportsAsync(from, to, grouping, ct).ConfigureAwait(false))
        {
            if (wanted.Count == 0 || wanted.Contains(report.AgentId))
            {
                response.Rows.Add(ReportMapper.ToProto(report));
            }
        }

        return response;
    }

    private static (DateTimeOffset From, DateTimeOffset To) Period(Google.Protobuf.WellKnownTypes.Timestamp? from, Google.Protobuf.WellKnownTypes.Timestamp? to)
    {
        if (from is null || to is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "from and to are required"));
        }

        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        if (end <= start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "to must be after from"));
        }

        if (end - start > MaxReportPeriod)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"the period is longer than {MaxReportPeriod.TotalDays:0} days; ask for shorter periods"));
        }

        return (start, end);
    }

    private static (StatisticsAggregator Aggregator, StatisticsOptions Options) Statistics(ServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        return (services.GetRequiredService<StatisticsAggregator>(), services.GetRequiredService<StatisticsOptions>());
    }
}
