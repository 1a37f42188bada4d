using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Legs;

/// <summary>Log lines of <see cref="CallLeg"/> (no phone numbers: call id and leg only).</summary>
internal static partial class CallLegLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Call {CallId} {Leg}: {Method} offer refused with 488: {Reason}")]
    public static partial void OfferRefused(ILogger logger, string callId, string leg, string method, string? reason);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Call {CallId} {Leg}: {Method} {Change}")]
    public static partial void MediaChanged(ILogger logger, string callId, string leg, string method, string change);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Call {CallId} {Leg}: {Request} failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string callId, string leg, string request, string reason);

    /// <summary>
    /// An SDP refusal as it may be logged: a malformed description's error quotes the offending line (an o= line may hold
    /// the caller's user name or number), so only "malformed SDP" is kept; the other reasons name codecs and transports.
    /// </summary>
    public static string LoggableSdpFailure(string? reason) =>
        reason is null ? "unknown" : reason.StartsWith("Malformed SDP", StringComparison.Ordinal) ? "malformed SDP" : reason;

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Call {CallId} {Leg}: REFER received")]
    public static partial void ReferReceived(ILogger logger, string callId, string leg);
}
