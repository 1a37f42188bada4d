namespace Switchboard.Media.Clock;

/// <summary>
/// A snapshot of the clock's pacing for /metrics: how late each tick ran compared to its due time, as a cumulative
/// Prometheus-style histogram (<see cref="BucketUpperBoundsMs"/> with <see cref="BucketCounts"/>, the last bound +Inf).
/// </summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="SkippedTicks">Ticks dropped because the clock fell more than MaxCatchUp behind.</param>
/// <param name="Streams">Streams registered now.</param>
/// <param name="BucketUpperBoundsMs">Bucket upper bounds in milliseconds.</param>
/// <param name="BucketCounts">Cumulative counts per bucket.</param>
/// <param name="LatenessSumMs">Sum of lateness over all ticks, in milliseconds.</param>
/// <param name="LatenessMaxMs">Worst lateness seen, in milliseconds.</param>
/// <param name="LastTickWorkMs">Time spent sending the last tick's frames, in milliseconds.</param>
public sealed record MediaClockMetrics(
    long Ticks,
    long SkippedTicks,
    int Streams,
    IReadOnlyList<double> BucketUpperBoundsMs,
    IReadOnlyList<long> BucketCounts,
    double LatenessSumMs,
    double LatenessMaxMs,
    double LastTickWorkMs)
{
    /// <summary>Mean lateness in milliseconds.</summary>
    public double LatenessMeanMs => Ticks == 0 ? 0 : LatenessSumMs / Ticks;
}
