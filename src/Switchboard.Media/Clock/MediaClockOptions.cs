namespace Switchboard.Media.Clock;

/// <summary>Settings of the shared media clock.</summary>
public sealed record MediaClockOptions
{
    /// <summary>Tick period: one RTP frame (20 ms).</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How far behind the clock may fall and still send every missed frame (a burst the peer's jitter buffer absorbs);
    /// further behind, the missed ticks are skipped and counted instead. Default 100 ms (5 frames).
    /// </summary>
    public TimeSpan MaxCatchUp { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Slices a tick's streams are split into and run in parallel on the thread pool (not a thread per call): one
    /// thread cannot send thousands of UDP packets within 20 ms. Default: the processor count.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Below this many streams a tick runs on the clock loop alone (parallel dispatch costs more than it saves).</summary>
    public int ParallelThreshold { get; init; } = 256;

    /// <summary>
    /// On the system clock, the loop runs on a dedicated thread that sleeps until shortly before each tick and then
    /// waits out the rest actively, so ticks are not delayed behind thread-pool work (socket completions) or by the
    /// millisecond granularity of timed waits. This window is that active part: longer gives tighter pacing for more
    /// CPU (about window / period of one core). Zero sleeps only. Default 1 ms. Ignored on other time providers
    /// (tests), which use one timer re-armed per tick.
    /// </summary>
    public TimeSpan SpinWindow { get; init; } = TimeSpan.FromMilliseconds(1);
}
