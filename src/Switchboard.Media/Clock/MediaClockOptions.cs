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
}
