namespace Switchboard.Sip.Security;

/// <summary>How a refused request is answered.</summary>
public enum SipRefusal
{
    /// <summary>A stateless response (403 for a refused source, 503 with Retry-After for a flood or a full cap).</summary>
    Reject,

    /// <summary>Nothing at all: cheapest, and nothing to reflect toward a forged source address.</summary>
    Drop,
}
