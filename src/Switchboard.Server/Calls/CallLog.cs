using Switchboard.Acd.Privacy;

namespace Switchboard.Server.Calls;

/// <summary>Source-generated log messages of the call flow; every one carries the call id.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Call {CallId} arrived, dialplan version {Version}")]
    public static partial void Answering(ILogger logger, string callId, string version);

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

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Call {CallId} enqueued in {Queue}: {Outcome}, {Place}")]
    public static partial void Enqueued(ILogger logger, string callId, string queue, string outcome, string place);

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

    [LoggerMessage(EventId = 8013, Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason}")]
    public static partial void Ending(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 8014, Level = LogLevel.Warning, Message = "Call {CallId}: BYE failed: {Reason}")]
    public static partial void ByeFailed(ILogger logger, string callId, string reason);

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

    [LoggerMessage(EventId = 8022, Level = LogLevel.Information, Message = "Call {CallId}: agent {AgentId} transferred it to queue {Queue} (original place kept)")]
    public static partial void TransferredToQueue(ILogger logger, string callId, string agentId, string queue);

    [LoggerMessage(EventId = 8023, Level = LogLevel.Information, Message = "Call {CallId}: agent {AgentId} transfers it to {Target}; caller on hold")]
    private static partial void TransferStartedCore(ILogger logger, string callId, string agentId, string target);

    /// <summary>Logs with the target masked (<see cref="PhoneNumberMask"/>): no phone number in a log line.</summary>
    public static void TransferStarted(ILogger logger, string callId, string agentId, string target) => TransferStartedCore(logger, callId, agentId, PhoneNumberMask.Mask(target));

    [LoggerMessage(EventId = 8024, Level = LogLevel.Information, Message = "Call {CallId}: transfer target {Target} answered; caller bridged to it")]
    private static partial void TransferAnsweredCore(ILogger logger, string callId, string target);

    /// <summary>Logs with the target masked (<see cref="PhoneNumberMask"/>): no phone number in a log line.</summary>
    public static void TransferAnswered(ILogger logger, string callId, string target) => TransferAnsweredCore(logger, callId, PhoneNumberMask.Mask(target));

    [LoggerMessage(EventId = 8025, Level = LogLevel.Information, Message = "Call {CallId}: transfer target {Target} not answered ({Reason}); caller back to the {ReturnedTo}")]
    private static partial void TransferNotAnsweredCore(ILogger logger, string callId, string target, string reason, string returnedTo);

    /// <summary>Logs with the target masked (<see cref="PhoneNumberMask"/>): no phone number in a log line.</summary>
    public static void TransferNotAnswered(ILogger logger, string callId, string target, string reason, string returnedTo) => TransferNotAnsweredCore(logger, callId, PhoneNumberMask.Mask(target), reason, returnedTo);

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
