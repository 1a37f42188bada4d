using Google.Protobuf.WellKnownTypes;
using AgentState = Switchboard.Acd.Agents.AgentState;
using Switchboard.Acd.Statistics;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>Maps report and live figures to the supervisor API's messages.</summary>
internal static class ReportMapper
{
    public static Acd.Statistics.ReportGrouping ToGrouping(Supervisor.V1.ReportGrouping grouping) => grouping switch
    {
        Supervisor.V1.ReportGrouping.Unspecified or Supervisor.V1.ReportGrouping.Day => Acd.Statistics.ReportGrouping.Day,
        Supervisor.V1.ReportGrouping.Hour => Acd.Statistics.ReportGrouping.Hour,
        Supervisor.V1.ReportGrouping.Week => Acd.Statistics.ReportGrouping.Week,
        _ => throw new ArgumentException($"unknown grouping {grouping}; use HOUR, DAY or WEEK"),
    };

    /// <summary>The wait-time buckets of <see cref="QueueReportRow.WaitDistribution"/>, in order.</summary>
    public static IEnumerable<WaitBucket> WaitBuckets() => Acd.Statistics.WaitBuckets.All.Select(b => new WaitBucket
    {
        Lower = Duration.FromTimeSpan(b.Lower),
        Upper = b.Upper is { } upper ? Duration.FromTimeSpan(upper) : null,
    });

    public static QueueReportRow ToProto(QueueReport r)
    {
        var row = new QueueReportRow
        {
            Queue = r.Queue,
            Start = Timestamp.FromDateTimeOffset(r.Start),
            Offered = r.Offered,
            Answered = r.Answered,
            Abandoned = r.Abandoned,
            ShortAbandoned = r.ShortAbandoned,
            Lost = r.Lost,
            AverageWait = Of(r.AverageWait),
            LongestWait = Duration.FromTimeSpan(r.LongestWait),
            AverageSpeedOfAnswer = Of(r.AverageSpeedOfAnswer),
            AverageHandleTime = Of(r.AverageHandleTime),
            CallbacksRequested = r.CallbacksRequested,
            CallbacksCompleted = r.CallbacksCompleted,
            CallbacksCompletedSameDay = r.CallbacksCompletedSameDay,
            CallbacksUnreachable = r.CallbacksUnreachable,
            TransfersToQueue = r.TransfersToQueue,
            TransfersAnswered = r.TransfersAnswered,
            TransfersNotAnswered = r.TransfersNotAnswered,
            RepeatCallers = r.RepeatCallers,
        };
        row.WaitDistribution.AddRange(r.WaitDistribution);
        if (r.ServiceLevel is { } sl)
        {
            row.ServiceLevel = sl;
        }

        if (r.ServiceLevelWithAbandoned is { } sla)
        {
            row.ServiceLevelWithAbandoned = sla;
        }

        if (r.FirstContactResolution is { } fcr)
        {
            row.FirstContactResolution = fcr;
        }

        return row;
    }

    public static AgentReportRow ToProto(AgentReport r)
    {
        var row = new AgentReportRow
        {
            AgentId = r.AgentId,
            Start = Timestamp.FromDateTimeOffset(r.Start),
            Ready = Duration.FromTimeSpan(r.TimeIn(AgentState.Ready)),
            Reserved = Duration.FromTimeSpan(r.TimeIn(AgentState.Reserved)),
            OnCall = Duration.FromTimeSpan(r.TimeIn(AgentState.OnCall)),
            WrapUp = Duration.FromTimeSpan(r.TimeIn(AgentState.WrapUp)),
            Paused = Duration.FromTimeSpan(r.TimeIn(AgentState.Paused)),
        };
        if (r.Occupancy is { } occupancy)
        {
            row.Occupancy = occupancy;
        }

        return row;
    }

    public static StatisticsSnapshot ToProto(LiveStatisticsSnapshot snapshot)
    {
        var result = new StatisticsSnapshot
        {
            At = Timestamp.FromDateTimeOffset(snapshot.At),
            DayStart = Timestamp.FromDateTimeOffset(snapshot.DayStart),
            ServiceLevelThreshold = Duration.FromTimeSpan(snapshot.ServiceLevelThreshold),
        };
        foreach (var q in snapshot.Queues)
        {
            var figures = new QueueFigures
            {
                Queue = q.Queue,
                Waiting = q.Waiting,
                LongestWait = Duration.FromTimeSpan(q.LongestWait),
                AgentsReady = q.AgentsReady,
                AgentsOnCall = q.AgentsOnCall,
                AgentsWrapUp = q.AgentsWrapUp,
                AgentsPaused = q.AgentsPaused,
                AnsweredToday = q.AnsweredToday,
                AbandonedToday = q.AbandonedToday,
                ShortAbandonedToday = q.ShortAbandonedToday,
            };
            if (q.ServiceLevelToday is { } sl)
            {
                figures.ServiceLevelToday = sl;
            }

            result.Queues.Add(figures);
        }

        return result;
    }

    private static Duration? Of(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v) : null;
}
