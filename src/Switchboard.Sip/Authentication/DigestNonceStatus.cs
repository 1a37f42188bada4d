namespace Switchboard.Sip.Authentication;

/// <summary>Result of checking a nonce we issued.</summary>
public enum DigestNonceStatus
{
    Valid,
    Stale,
    Invalid,
}
