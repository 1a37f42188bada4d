namespace Switchboard.Media.Clock;

/// <summary>
/// A snapshot of the clock's pacing. The distribution of the lateness is the meter's histogram
/// <c>switchboard.media.clock.lateness</c> (see <see cref="MediaClock"/>); here are its sum and worst case.
/// </summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="SkippedTicks">Ticks dropped because the clock fell more than MaxCatchUp behind.</param>
/// <param name="Streams">Streams registered now.</param>
/// <param name="LatenessSumMs">Sum of lateness over all ticks, in milliseconds.</param>
/// <param name="LatenessMaxMs">Worst lateness seen, in milliseconds.</param>
/// <param name="LastTickWorkMs">Time spent sending the last tick's frames, in milliseconds.</param>
/// <param name="StreamErrors">Exceptions streams threw on a tick (swallowed, counted).</param>
public sealed record MediaClockMetrics(
    long Ticks,
    long SkippedTicks,
    int Streams,
    double LatenessSumMs,
    double LatenessMaxMs,
    double LastTickWorkMs,
    long StreamErrors)
{
    /// <summary>Mean lateness in milliseconds.</summary>
    public double LatenessMeanMs => Ticks == 0 ? 0 : LatenessSumMs / Ticks;
}
