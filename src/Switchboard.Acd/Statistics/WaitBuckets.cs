namespace Switchboard.Acd.Statistics;

/// <summary>
/// The wait-time distribution's buckets: 0-20 s, 20-60 s, 60-180 s, 180-600 s and 600 s or more (lower bound
/// inclusive, upper exclusive), each an additive counter per queue and hour like the others.
/// </summary>
public static class WaitBuckets
{
    /// <summary>One bucket: waits from <paramref name="Lower"/> up to (not including) <paramref name="Upper"/> (null: no upper bound).</summary>
    public sealed record Bucket(TimeSpan Lower, TimeSpan? Upper, ReportCounter Counter);

    /// <summary>The buckets in order.</summary>
    public static IReadOnlyList<Bucket> All { get; } =
    [
        new(TimeSpan.Zero, TimeSpan.FromSeconds(20), ReportCounter.WaitUnder20s),
        new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), ReportCounter.Wait20To60s),
        new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(180), ReportCounter.Wait60To180s),
        new(TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(600), ReportCounter.Wait180To600s),
        new(TimeSpan.FromSeconds(600), null, ReportCounter.WaitFrom600s),
    ];

    /// <summary>The counter of the bucket a wait of <paramref name="waitMs"/> milliseconds falls in.</summary>
    public static ReportCounter CounterFor(long waitMs)
    {
        foreach (var bucket in All)
        {
            if (bucket.Upper is not { } upper || waitMs < (long)upper.TotalMilliseconds)
            {
                return bucket.Counter;
            }
        }

        return All[^1].Counter;
    }
}
