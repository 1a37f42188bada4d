namespace Switchboard.Sip.Parsing;

/// <summary>Why a parsed message is not acceptable, and the status a request deserves (RFC 3261 §8.2, §21.4).</summary>
public sealed record SipValidationError(int StatusCode, string Reason);
