using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Security;

/// <summary>
/// The SIP layer's security events (logger category <c>Switchboard.Security</c>, event ids 4000-4099): one line each,
/// with the source address and never a user name, number or password, so fail2ban or a SIEM can act on the source
/// (docs/fail2ban/filter.d/switchboard.conf). The wording after "from {Source}" may change; the event ids are stable.
/// </summary>
internal static partial class SipSecurityLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "SIP flood: source banned from {Source} for {BanSeconds} s (over {Rate}/s)")]
    public static partial void SourceBanned(ILogger logger, string source, int banSeconds, double rate);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "SIP call refused from {Source}: source not allowed to place calls")]
    public static partial void CallSourceRefused(ILogger logger, string source);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "SIP request refused from {Source}: {Cap} cap of {Limit} reached")]
    public static partial void CapacityRefused(ILogger logger, string source, string cap, long limit);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "SIP authentication failed from {Source}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "SIP account locked out from {Source} for {LockSeconds} s after {Failures} failures (account {AccountHash})")]
    public static partial void AccountLockedOut(ILogger logger, string source, int lockSeconds, int failures, string accountHash);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "SIP source locked out from {Source} for {LockSeconds} s after {Failures} failures")]
    public static partial void SourceLockedOut(ILogger logger, string source, int lockSeconds, int failures);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "SIP authentication refused from {Source}: {Reason}")]
    public static partial void LockedOutRefused(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "SIP TCP connection refused from {Source}: {Cap} cap of {Limit} reached")]
    public static partial void TcpConnectionRefused(ILogger logger, string source, string cap, int limit);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Debug, Message = "SIP TCP connection from {Source} closed after {IdleSeconds} s idle")]
    public static partial void TcpIdleClosed(ILogger logger, string source, int idleSeconds);
}
