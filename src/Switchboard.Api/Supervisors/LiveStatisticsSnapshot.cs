namespace Switchboard.Api.Supervisors;

/// <summary>Live figures of every queue at one moment.</summary>
/// <param name="At">When the figures were taken.</param>
/// <param name="DayStart">Local midnight starting "today".</param>
/// <param name="ServiceLevelThreshold">The service-level threshold in force.</param>
/// <param name="Queues">One entry per queue, ordered by name.</param>
public sealed record LiveStatisticsSnapshot(DateTimeOffset At, DateTimeOffset DayStart, TimeSpan ServiceLevelThreshold, IReadOnlyList<LiveQueueFigures> Queues);
