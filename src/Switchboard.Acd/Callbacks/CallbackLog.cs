using Microsoft.Extensions.Logging;

namespace Switchboard.Acd.Callbacks;

/// <summary>Source-generated log messages of callbacks (no phone numbers are logged).</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Callback {CallbackId} in {Queue}: {Outcome}")]
    public static partial void Requested(ILogger logger, string callbackId, string queue, CallbackRequestOutcome outcome);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Callback sweep: {Expired} expired, {Retried} retried, {Purged} purged, {Requeued} requeued, {Rescued} callers of a lost node given a callback")]
    public static partial void Swept(ILogger logger, int expired, int retried, int purged, int requeued, int rescued);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Call {CallId} in {Queue}, dropped with its node: callback {Outcome}")]
    public static partial void LostCallerRescued(ILogger logger, string callId, string queue, CallbackRequestOutcome outcome);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "ACD store unavailable (Redis) for callbacks")]
    public static partial void RedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Callback {CallbackId} was dialling too long (node lost mid-attempt); attempt recorded as failed")]
    public static partial void StaleDialling(ILogger logger, string callbackId);
}
