using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Security;

/// <summary>
/// Media security events (issue 14): logger category <c>Switchboard.Security</c>, event ids 4100-4199, one line each
/// with the source address and no personal data, for fail2ban or a SIEM. Wrong-source lines are rate-limited by
/// <see cref="MediaSecurityMonitor"/> (a spray over the port range cannot flood the log).
/// </summary>
internal static partial class MediaSecurityLog
{
    /// <summary>The logger category every security event of Switchboard is written under.</summary>
    public const string Category = "Switchboard.Security"; // the same category as the SIP layer's SipSecurityEvents (Media does not reference Sip)

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Security: media from a wrong source dropped: {Protocol} from {SourceAddress} port {SourcePort} to local port {LocalPort}, {Dropped} packets since the last report")]
    public static partial void WrongSource(ILogger logger, string protocol, string sourceAddress, int sourcePort, int localPort, long dropped);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Security: inbound leg refused an RTP port: {InboundInUse} of {InboundLimit} inbound pairs in use, {Reserved} pairs kept for outbound legs ({Refused} refused since the last report)")]
    public static partial void InboundPortsExhausted(ILogger logger, int inboundInUse, int inboundLimit, int reserved, long refused);
}
