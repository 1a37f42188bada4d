namespace Switchboard.Acd.Statistics;

/// <summary>The additive counters kept per queue and hour (names are also the Redis hash field names).</summary>
public enum ReportCounter
{
    Offered,
    Answered,
    Abandoned,
    ShortAbandoned,
    Lost,
    AnsweredWithinThreshold,
    AbandonedWithinThreshold,
    WaitTotalMs,
    WaitCount,
    LongestWaitMs,
    AnswerWaitTotalMs,
    TalkTotalMs,
    TalkCount,
    WrapUpTotalMs,
    WrapUpCount,
    WrapUpsResolved,
    CallbacksRequested,
    CallbacksCompleted,
    CallbacksCompletedSameDay,
    CallbacksUnreachable,
    RepeatCallers,
    TransfersToQueue,
    TransfersAnswered,
    TransfersNotAnswered,

    // The wait-time distribution (answered + abandoned, not short; the calls of the average wait): see WaitBuckets.
    WaitUnder20s,
    Wait20To60s,
    Wait60To180s,
    Wait180To600s,
    WaitFrom600s,
}
