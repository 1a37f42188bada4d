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
}
