namespace Switchboard.Sip.Security;

/// <summary>The kinds of security event the SIP layer reports (log event ids 4000-4099, counters on <c>/metrics</c>).</summary>
public enum SipSecurityEvent
{
    /// <summary>A source went over its message rate and is banned for a while (4000).</summary>
    SourceBanned,

    /// <summary>A message dropped (or answered 503) because its source is over its rate or banned (counter only).</summary>
    FloodDropped,

    /// <summary>An INVITE from a source not allowed to place calls (4002).</summary>
    InviteSourceRefused,

    /// <summary>A request refused because a hard cap (transactions, bytes, dialogs, unconfirmed calls) was reached (4003).</summary>
    CapacityRefused,

    /// <summary>A REGISTER with credentials that failed (wrong password, unknown user, replay, wrong uri) (4010).</summary>
    AuthenticationFailed,

    /// <summary>An account locked out after too many failures (4011).</summary>
    AccountLockedOut,

    /// <summary>A source locked out after too many failures (4012).</summary>
    SourceLockedOut,

    /// <summary>A REGISTER refused unchecked while its account or source is locked out or pausing after failures (4013).</summary>
    LockedOutRefused,

    /// <summary>A TCP connection refused by the total or per-source connection cap (4020).</summary>
    TcpConnectionRefused,

    /// <summary>A TCP connection closed after the idle timeout (counter only).</summary>
    TcpIdleClosed,
}
