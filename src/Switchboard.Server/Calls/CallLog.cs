namespace Switchboard.Server.Calls;

/// <summary>Source-generated log messages of the call flow; every one carries the call id.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Call {CallId} from {Caller} answered ({Codec}), dialplan version {Version}")]
    public static partial void Answered(ILogger logger, string callId, string caller, string version, string codec);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Call {CallId} rejected with 488: {Reason}")]
    public static partial void Rejected(ILogger logger, string callId, string? reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Call {CallId} not confirmed: {Reason}")]
    public static partial void NotConfirmed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Error, Message = "Call {CallId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Call {CallId}: prompt missing: {Reason}")]
    public static partial void PromptMissing(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Call {CallId}: ACD unavailable: {Reason}")]
    public static partial void AcdUnavailable(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Call {CallId} enqueued in {Queue}: {Outcome}, position {Position}")]
    public static partial void Enqueued(ILogger logger, string callId, string queue, string outcome, int position);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information, Message = "Call {CallId}: ACD {Type} (agent {AgentId})")]
    public static partial void AcdEvent(ILogger logger, string callId, string type, string? agentId);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Call {CallId} connected to agent {AgentId} ({Codec})")]
    public static partial void Connected(ILogger logger, string callId, string agentId, string codec);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Call {CallId}: agent {AgentId} phone not reached: {Reason}")]
    public static partial void AgentDialFailed(ILogger logger, string callId, string agentId, string reason);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Information, Message = "Call {CallId}: caller left during {Phase} ({Reason})")]
    public static partial void CallerLeft(ILogger logger, string callId, string phase, string reason);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Information, Message = "Call {CallId}: agent {AgentId} left ({Reason})")]
    public static partial void AgentLeft(ILogger logger, string callId, string? agentId, string reason);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Information, Message = "Call {CallId} ending during {Phase}: {Reason}")]
    public static partial void Ending(ILogger logger, string callId, string phase, string reason);

    [LoggerMessage(EventId = 8014, Level = LogLevel.Warning, Message = "Call {CallId}: BYE failed: {Reason}")]
    public static partial void ByeFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8015, Level = LogLevel.Warning, Message = "Call {CallId}: transfer to {Target} failed: {Reason}")]
    public static partial void TransferFailed(ILogger logger, string callId, string target, string reason);

    [LoggerMessage(EventId = 8016, Level = LogLevel.Information, Message = "Call {CallId}: hang-up requested by {By}")]
    public static partial void HangUpRequested(ILogger logger, string callId, string by);

    [LoggerMessage(EventId = 8017, Level = LogLevel.Warning, Message = "Could not configure ACD queues from the dialplan: {Reason}")]
    public static partial void QueueSetupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8018, Level = LogLevel.Warning, Message = "Call manager loop {Loop} failed; restarting")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop);

    [LoggerMessage(EventId = 8019, Level = LogLevel.Information, Message = "Dialplan version {Sequence} ({Version}) is now current for new calls")]
    public static partial void DialplanFollowed(ILogger logger, long sequence, string version);

    [LoggerMessage(EventId = 8020, Level = LogLevel.Warning, Message = "Could not apply published dialplan {Sequence}: {Reason}")]
    public static partial void DialplanFollowFailed(ILogger logger, long sequence, string reason);

    [LoggerMessage(EventId = 8021, Level = LogLevel.Information, Message = "Dialplan {Version} is now current for new calls (emergency message {Emergency}, live hours {LiveHours})")]
    public static partial void LiveSettingsApplied(ILogger logger, string version, bool emergency, bool liveHours);
}
