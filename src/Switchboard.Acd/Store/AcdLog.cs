using Microsoft.Extensions.Logging;

namespace Switchboard.Acd.Store;

/// <summary>Source-generated log messages of the ACD.</summary>
internal static partial class AcdLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "ACD store unavailable (Redis)")]
    public static partial void RedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "ACD scheduler round failed")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Swept {Count} calls of dead nodes")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Dropped malformed ACD pub/sub message on {Channel}")]
    public static partial void BadMessage(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "ACD timer notices not subscribed; the scheduler wakes every {TickMs} ms until they are")]
    public static partial void TimerWatchFailed(ILogger logger, long tickMs, Exception exception);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Handed over {Count} calls of this node (drain deadline)")]
    public static partial void Released(ILogger logger, int count);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "A promise to a caller reached {Acknowledged} of {Wanted} Redis replicas within {TimeoutMs} ms; kept on the primary only")]
    public static partial void PromiseNotReplicated(ILogger logger, long acknowledged, int wanted, long timeoutMs);
}
