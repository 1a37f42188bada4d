using Microsoft.Extensions.Logging;
using Switchboard.Acd.Callbacks;

namespace Switchboard.Server.Callbacks;

/// <summary>Log messages of the callback worker (no phone numbers).</summary>
internal static partial class CallbackWorkerLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Callback {CallbackId}: number refused for dialling ({Refusal}); closed as failed")]
    public static partial void Refused(ILogger logger, string callbackId, PhoneNumberRefusal refusal);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Callback {CallbackId} attempt by {AgentId}: {Outcome}")]
    public static partial void Attempt(ILogger logger, string callbackId, string agentId, CallbackOutcome outcome);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Callback dial attempt {CallbackId} threw; counted as failed")]
    public static partial void DialError(ILogger logger, string callbackId, Exception exception);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Callback {CallbackId}: agent {AgentId} did not answer; the callback keeps its place")]
    public static partial void AgentNotReached(ILogger logger, string callbackId, string agentId);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Callback sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
