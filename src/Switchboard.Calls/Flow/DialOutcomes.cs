using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Flow;

/// <summary>Maps a final response to the INVITE of an outbound leg to a <see cref="DialOutcome"/> (RFC 3261 §21).</summary>
public static class DialOutcomes
{
    /// <summary>408/480 and our ring-timeout CANCEL (487) are no answer, 486/600 busy, 603/403 rejected, 2xx answered.</summary>
    public static DialOutcome FromStatus(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => DialOutcome.Answered,
        SipStatusCodes.RequestTimeout or SipStatusCodes.TemporarilyUnavailable or SipStatusCodes.RequestTerminated => DialOutcome.NoAnswer,
        SipStatusCodes.BusyHere or 600 => DialOutcome.Busy,
        SipStatusCodes.Decline or SipStatusCodes.Forbidden => DialOutcome.Rejected,
        _ => DialOutcome.Failed,
    };
}
