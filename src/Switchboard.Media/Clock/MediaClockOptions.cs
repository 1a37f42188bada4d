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

    /// <summary>
    /// Below this many streams a tick runs on the clock thread alone. The slices of a parallel tick run on the thread
    /// pool, at normal priority, where other work (socket completions, a co-located load generator) delays them by
    /// milliseconds; one sender keeps every stream at the same offset in each tick, which is what the receivers' jitter
    /// sees. At ~5-10 us per UDP send, 1,024 streams fill a quarter to half of a 20 ms tick. Default 1,024 (it was 256:
    /// the load runs then lost pacing at 300 callers, docs/performance.md).
    /// </summary>
    public int ParallelThreshold { get; init; } = 1024;

    /// <summary>
    /// On the system clock, the loop runs on a dedicated thread, so ticks are not delayed behind thread-pool work
    /// (socket completions). On Linux it sleeps with the kernel's high-resolution timer. Elsewhere it sleeps until
    /// shortly before each tick and waits out the rest actively (timed waits round to milliseconds): this window is
    /// that active part, longer gives tighter pacing for more CPU (about window / period of one core); zero sleeps
    /// only. Default 1 ms. Ignored on other time providers (tests), which use one timer re-armed per tick.
    /// </summary>
    public TimeSpan SpinWindow { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// On Linux, the dedicated clock thread asks for the real-time FIFO policy at this priority (1-99), so ordinary
    /// threads cannot pre-empt it in the middle of a tick; 0 keeps the normal policy. Needs CAP_SYS_NICE; without it
    /// the request is refused and the clock runs at normal priority (see <see cref="MediaClock.RealtimeScheduling"/>).
    /// Default 10 (below the kernel's own real-time threads at 50).
    /// </summary>
    public int RealtimePriority { get; init; } = 10;
}
