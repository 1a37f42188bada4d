namespace Switchboard.Acd.Statistics;

/// <summary>Figures for one queue and one interval; exact definitions in docs/statistics.md.</summary>
/// <param name="Queue">The queue (svarsgrupp).</param>
/// <param name="Start">Local start of the interval.</param>
/// <param name="Counters">The raw additive counters (index: <see cref="ReportCounter"/>).</param>
public sealed record QueueReport(string Queue, DateTimeOffset Start, IReadOnlyList<long> Counters)
{
    public long this[ReportCounter counter] => Counters[(int)counter];

    public long Offered => this[ReportCounter.Offered];

    public long Answered => this[ReportCounter.Answered];

    /// <summary>Abandons with a wait at or over the short-abandon threshold.</summary>
    public long Abandoned => this[ReportCounter.Abandoned];

    public long ShortAbandoned => this[ReportCounter.ShortAbandoned];

    /// <summary>Calls lost with a failed node before being answered.</summary>
    public long Lost => this[ReportCounter.Lost];

    /// <summary>Answered within threshold / answered (null when nothing was answered).</summary>
    public double? ServiceLevel => Ratio(this[ReportCounter.AnsweredWithinThreshold], Answered);

    /// <summary>(Answered within threshold + abandoned within threshold) / (answered + abandoned).</summary>
    public double? ServiceLevelWithAbandoned =>
        Ratio(this[ReportCounter.AnsweredWithinThreshold] + this[ReportCounter.AbandonedWithinThreshold], Answered + Abandoned);

    public TimeSpan? AverageWait => Average(this[ReportCounter.WaitTotalMs], this[ReportCounter.WaitCount]);

    public TimeSpan LongestWait => TimeSpan.FromMilliseconds(this[ReportCounter.LongestWaitMs]);

    /// <summary>Answered and abandoned (not short) calls per wait bucket, in the order of <see cref="WaitBuckets.All"/>.</summary>
    public IReadOnlyList<long> WaitDistribution => [.. WaitBuckets.All.Select(b => this[b.Counter])];

    /// <summary>Average speed of answer.</summary>
    public TimeSpan? AverageSpeedOfAnswer => Average(this[ReportCounter.AnswerWaitTotalMs], Answered);

    /// <summary>Average talk time + average wrap-up time.</summary>
    public TimeSpan? AverageHandleTime
    {
        get
        {
            var talk = Average(this[ReportCounter.TalkTotalMs], this[ReportCounter.TalkCount]);
            var wrap = Average(this[ReportCounter.WrapUpTotalMs], this[ReportCounter.WrapUpCount]) ?? TimeSpan.Zero;
            return talk is null ? null : talk + wrap;
        }
    }

    public long CallbacksRequested => this[ReportCounter.CallbacksRequested];

    public long CallbacksCompleted => this[ReportCounter.CallbacksCompleted];

    public long CallbacksCompletedSameDay => this[ReportCounter.CallbacksCompletedSameDay];

    public long CallbacksUnreachable => this[ReportCounter.CallbacksUnreachable];

    /// <summary>Share of wrap-ups with outcome <c>resolved</c>.</summary>
    public double? FirstContactResolution => Ratio(this[ReportCounter.WrapUpsResolved], this[ReportCounter.WrapUpCount]);

    /// <summary>Calls (not callbacks) whose caller had called within the repeat-caller window before.</summary>
    public long RepeatCallers => this[ReportCounter.RepeatCallers];

    /// <summary>Calls an agent transferred to another queue (the caller keeps the place).</summary>
    public long TransfersToQueue => this[ReportCounter.TransfersToQueue];

    /// <summary>Transfers to an external number (handläggare) that were answered.</summary>
    public long TransfersAnswered => this[ReportCounter.TransfersAnswered];

    /// <summary>Transfers to an external number that were not answered (no answer, busy or failed).</summary>
    public long TransfersNotAnswered => this[ReportCounter.TransfersNotAnswered];

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static TimeSpan? Average(long totalMs, long count) =>
        count == 0 ? null : TimeSpan.FromMilliseconds((double)totalMs / count);
}
