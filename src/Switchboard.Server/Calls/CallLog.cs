using Switchboard.Acd.Privacy;

namespace Switchboard.Server.Calls;

/// <summary>Source-generated log messages of the call flow; every one carries the call id.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Call {CallId} arrived, dialplan version {Version}")]
    public static partial void Answering(ILogger logger, string callId, string version);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Error, Message = "Call {CallId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Call {CallId}: prompt missing: {Reason}")]
    public static partial void PromptMissing(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Call {CallId}: ACD unavailable: {Reason}")]
    public static partial void AcdUnavailable(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Call {CallId} enqueued in {Queue}: {Outcome}, {Place}")]
    public static partial void Enqueued(ILogger logger, string callId, string queue, string outcome, string place);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information, Message = "Call {CallId}: ACD {Type} (agent {AgentId})")]
    public static partial void AcdEvent(ILogger logger, string callId, string type, string? agentId);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason}")]
    public static partial void Ending(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8015, Level = LogLevel.Warning, Message = "Call {CallId}: transfer to {Target} failed: {Reason}")]
    private static partial void TransferFailedCore(ILogger logger, string callId, string target, string reason);

    /// <summary>Logs with the target masked (<see cref="PhoneNumberMask"/>): no phone number in a log line.</summary>
    public static void TransferFailed(ILogger logger, string callId, string target, string reason) => TransferFailedCore(logger, callId, PhoneNumberMask.Mask(target), reason);

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

    [LoggerMessage(EventId = 8026, Level = LogLevel.Information, Message = "Call {CallId}: callback to {Number} in {Queue}: {Outcome}")]
    private static partial void CallbackRequestedCore(ILogger logger, string callId, string number, string queue, string outcome);

    /// <summary>Logs with the number masked (<see cref="PhoneNumberMask"/>): no phone number in a log line.</summary>
    public static void CallbackRequested(ILogger logger, string callId, string number, string queue, string outcome) => CallbackRequestedCore(logger, callId, PhoneNumberMask.Mask(number), queue, outcome);

    [LoggerMessage(EventId = 8027, Level = LogLevel.Information, Message = "Call {CallId}: caller resumes the place they left in {Queue} at {Place:o}")]
    public static partial void PlaceResumed(ILogger logger, string callId, string queue, DateTimeOffset place);

    [LoggerMessage(EventId = 8028, Level = LogLevel.Warning, Message = "Callback {CallbackId} accepted by {AgentId} could not be worked: {Reason}")]
    public static partial void CallbackAcceptFailed(ILogger logger, string callbackId, string agentId, string reason);

    [LoggerMessage(EventId = 8029, Level = LogLevel.Information, Message = "Call {CallId}: {From} -> {To} ({Cause})")]
    public static partial void StateChanged(ILogger logger, string callId, string from, string to, string cause);
}
