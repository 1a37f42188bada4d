namespace Switchboard.Server.Hosting;

/// <summary>Log messages of draining (SIGTERM) and the node's availability to the proxy.</summary>
internal static partial class DrainLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Draining: 503 to new calls and OPTIONS; {Calls} call(s) in progress, stopping when they end or after {Deadline}")]
    public static partial void Draining(ILogger logger, int calls, TimeSpan deadline);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Drained after {Elapsed}: no call left; stopping")]
    public static partial void Drained(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Drain deadline {Deadline} reached with {Calls} call(s) in progress; stopping (they end now)")]
    public static partial void DeadlineReached(ILogger logger, int calls, TimeSpan deadline);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Second stop request while draining: stopping now with {Calls} call(s) in progress")]
    public static partial void StoppingNow(ILogger logger, int calls);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Redis primary unreachable: OPTIONS answered 503 (out of the proxy's rotation) until it is back")]
    public static partial void RedisUnreachable(ILogger logger);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Redis primary reachable again: OPTIONS answered 200")]
    public static partial void RedisReachable(ILogger logger);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Drain deadline: handing the waiting callers over to the other nodes failed; they end without a callback")]
    public static partial void HandOverFailed(ILogger logger, Exception exception);
}
