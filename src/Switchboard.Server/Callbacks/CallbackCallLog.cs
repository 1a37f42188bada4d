using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Callbacks;

/// <summary>Log messages of callback calls (no phone numbers).</summary>
internal static partial class CallbackCallLog
{
    [LoggerMessage(EventId = 7110, Level = LogLevel.Information, Message = "Callback {CallbackId}: agent {AgentId}'s phone not reached ({Reason})")]
    public static partial void AgentLegFailed(ILogger logger, string callbackId, string agentId, string reason);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Callback {CallbackId}: agent {AgentId} hung up before the citizen answered")]
    public static partial void AgentLeftEarly(ILogger logger, string callbackId, string agentId);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Information, Message = "Callback {CallbackId}: citizen leg ended with {StatusCode} ({Outcome})")]
    public static partial void CitizenLegFailed(ILogger logger, string callbackId, int statusCode, string outcome);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Information, Message = "Callback {CallbackId}: agent {AgentId} and citizen bridged ({Codec})")]
    public static partial void Bridged(ILogger logger, string callbackId, string agentId, string codec);

    [LoggerMessage(EventId = 7114, Level = LogLevel.Information, Message = "Callback {CallbackId}: {Who} hung up ({Reason}); ending the call")]
    public static partial void CallEnded(ILogger logger, string callbackId, string who, string reason);

    [LoggerMessage(EventId = 7115, Level = LogLevel.Warning, Message = "Callback {CallbackId}: hello prompt missing ({Detail}); bridging without it")]
    public static partial void PromptMissing(ILogger logger, string callbackId, string detail);

    [LoggerMessage(EventId = 7116, Level = LogLevel.Warning, Message = "Callback {CallbackId}: no RTP on a leg; hanging up")]
    public static partial void RtpTimeout(ILogger logger, string callbackId);

    [LoggerMessage(EventId = 7117, Level = LogLevel.Warning, Message = "Callback {CallbackId}: BYE failed: {Detail}")]
    public static partial void ByeFailed(ILogger logger, string callbackId, string detail);

    [LoggerMessage(EventId = 7118, Level = LogLevel.Warning, Message = "Callback {CallbackId}: ACD unavailable: {Detail}")]
    public static partial void AcdUnavailable(ILogger logger, string callbackId, string detail);

    [LoggerMessage(EventId = 7119, Level = LogLevel.Error, Message = "Callback {CallbackId}: call monitor failed")]
    public static partial void MonitorFailed(ILogger logger, string callbackId, Exception exception);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Information, Message = "Callback {CallbackId}: agent {AgentId} hangs up over the API")]
    public static partial void HangUpRequested(ILogger logger, string callbackId, string agentId);

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "Callback control loop failed; resubscribing")]
    public static partial void ControlLoopFailed(ILogger logger, Exception exception);
}
