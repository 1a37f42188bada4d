using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private static readonly TimeSpan MinWatchInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromSeconds(2);

    public override Task WatchQueues(WatchQueuesRequest request, IServerStreamWriter<QueueSnapshot> responseStream, ServerCallContext context)
    {
        var queues = request.Queues.ToHashSet(StringComparer.Ordinal);
        return WatchAsync(request.Interval, ct => SnapshotAsync(context, queues, ct), responseStream, context);
    }

    public override Task WatchStatistics(WatchStatisticsRequest request, IServerStreamWriter<StatisticsSnapshot> responseStream, ServerCallContext context)
    {
        var queues = request.Queues.ToHashSet(StringComparer.Ordinal);
        var live = Live(context);
        return WatchAsync(request.Interval, async ct => ReportMapper.ToProto(await live.GetAsync(queues, ct).ConfigureAwait(false)), responseStream, context);
    }

    /// <summary>One live snapshot of <paramref name="queues"/> (empty: all seen), from the node's incremental <see cref="LiveStatistics"/>.</summary>
    internal async Task<QueueSnapshot> SnapshotAsync(ServerCallContext context, IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        var live = await Live(context).GetAsync(queues, cancellationToken).ConfigureAwait(false);
        var snapshot = new QueueSnapshot
        {
            At = Timestamp.FromDateTimeOffset(live.At),
            EmergencyEnabled = (await settings.GetEmergencyAsync(cancellationToken).ConfigureAwait(false)).Enabled,
            DialplanSequence = await dialplans.GetCurrentSequenceAsync(cancellationToken).ConfigureAwait(false),
        };
        snapshot.Queues.AddRange(live.Queues.Select(q => new QueueStatus
        {
            Queue = q.Queue,
            Waiting = q.Waiting,
            LongestWait = Duration.FromTimeSpan(q.LongestWait),
            AgentsReady = q.AgentsReady,
            AgentsBusy = q.AgentsOnCall + q.AgentsWrapUp,
            AgentsPaused = q.AgentsPaused,
            AnsweredToday = (int)q.AnsweredToday,
            AbandonedToday = (int)q.AbandonedToday,
        }));
        return snapshot;
    }

    private static LiveStatistics Live(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<LiveStatistics>();

    private async Task WatchAsync<T>(Duration? requested, Func<CancellationToken, Task<T>> next, IServerStreamWriter<T> responseStream, ServerCallContext context)
    {
        var interval = requested?.ToTimeSpan() ?? DefaultWatchInterval;
        if (interval <= TimeSpan.Zero)
        {
            interval = DefaultWatchInterval;
        }

        interval = interval < MinWatchInterval ? MinWatchInterval : interval;
        var ct = context.CancellationToken;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await responseStream.WriteAsync(await next(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                await Task.Delay(interval, timeProvider, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
