namespace Switchboard.Calls.Flow;

/// <summary>How an outbound leg's INVITE ended (RFC 3261 §21 classes, as the call flow needs them).</summary>
public enum DialOutcome
{
    /// <summary>2xx with a usable SDP answer: the leg is up.</summary>
    Answered,

    /// <summary>486 Busy Here / 600 Busy Everywhere.</summary>
    Busy,

    /// <summary>Rang out: 408, 480, or our ring-timeout CANCEL (487).</summary>
    NoAnswer,

    /// <summary>The phone declined: 603 Decline, 403.</summary>
    Rejected,

    /// <summary>Anything else: no such target, no common codec, transport error.</summary>
    Failed,
}
