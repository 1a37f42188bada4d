namespace Switchboard.Sip.UserAgents;

/// <summary>
/// What the node behind the UA can take now, as a proxy in front of several nodes sees it through OPTIONS
/// (RFC 3261 §11: a 503 answer to OPTIONS tells the proxy to send its requests elsewhere).
/// </summary>
public enum SipAvailability
{
    /// <summary>OPTIONS 200, new calls accepted.</summary>
    Available,

    /// <summary>OPTIONS 503 (take this node out of rotation), yet new calls that still arrive are accepted.</summary>
    Degraded,

    /// <summary>OPTIONS 503 and new calls 503: the node is finishing its calls before it stops.</summary>
    Draining,
}
