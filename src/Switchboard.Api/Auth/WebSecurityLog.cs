using Microsoft.Extensions.Logging;

namespace Switchboard.Api.Auth;

/// <summary>
/// Security events of the API and the web pages (issue 14): logger category <c>Switchboard.Security</c> (shared with the
/// SIP layer's 4000-4099 and the media layer's 4100-4199), event ids 4200-4299, one line each with the source address
/// and no personal data (no token, no subject, no session id).
/// </summary>
public static partial class WebSecurityLog
{
    /// <summary>The logger category of every security event.</summary>
    public const string Category = "Switchboard.Security";

    /// <summary>A web sign-in with a token that is not valid, or without the role the page needs.</summary>
    [LoggerMessage(EventId = 4200, EventName = "WebSignInFailed", Level = LogLevel.Warning, Message = "Web sign-in failed from {Source}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string source, string reason);

    /// <summary>Too many sign-in attempts from one source in the window: refused without checking the token.</summary>
    [LoggerMessage(EventId = 4201, EventName = "WebSignInThrottled", Level = LogLevel.Warning, Message = "Web sign-in throttled from {Source}: {Attempts} attempts in the window")]
    public static partial void SignInThrottled(ILogger logger, string source, long attempts);

    /// <summary>A state-changing request without the right anti-forgery token.</summary>
    [LoggerMessage(EventId = 4202, EventName = "WebCsrfRefused", Level = LogLevel.Warning, Message = "Web request refused from {Source}: anti-forgery token missing or wrong on {Path}")]
    public static partial void CsrfRefused(ILogger logger, string source, string path);

    /// <summary>A session ended before its time: signed out, or its token no longer valid (removed from configuration, expired).</summary>
    [LoggerMessage(EventId = 4203, EventName = "WebSessionRevoked", Level = LogLevel.Information, Message = "Web session revoked from {Source}: {Reason}")]
    public static partial void SessionRevoked(ILogger logger, string source, string reason);

    /// <summary>A session cookie that names no live session (expired, revoked or forged).</summary>
    [LoggerMessage(EventId = 4204, EventName = "WebSessionUnknown", Level = LogLevel.Information, Message = "Web session unknown or expired from {Source}")]
    public static partial void SessionUnknown(ILogger logger, string source);

    /// <summary>A successful web sign-in (the role only).</summary>
    [LoggerMessage(EventId = 4205, EventName = "WebSignedIn", Level = LogLevel.Information, Message = "Web sign-in from {Source} with role {Role}")]
    public static partial void SignedIn(ILogger logger, string source, string role);

    /// <summary>A gRPC call (HTTP/2 or gRPC-Web) with a bearer token that is not valid (unknown, expired, badly signed), answered UNAUTHENTICATED.</summary>
    [LoggerMessage(EventId = 4206, EventName = "ApiBearerFailed", Level = LogLevel.Warning, Message = "API bearer token refused from {Source} on {Path} ({Failures} failures from this source in the window)")]
    public static partial void BearerFailed(ILogger logger, string source, string path, long failures);

    /// <summary>
    /// Bearer failures from one source passed the sign-in limit in the window: written once; further failures in the
    /// window are counted (<c>/metrics</c>) but not written, and web sign-in from that source is throttled.
    /// </summary>
    [LoggerMessage(EventId = 4207, EventName = "ApiBearerFailuresOverLimit", Level = LogLevel.Warning, Message = "API bearer failures from {Source} passed {Limit} in the window: further failures counted, not logged, until the window ends")]
    public static partial void BearerFailuresOverLimit(ILogger logger, string source, int limit);
}
