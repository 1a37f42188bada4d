namespace Switchboard.Sip.Messages;

/// <summary>One header field line (RFC 3261 §7.3): the canonical long name and its value exactly as received, unfolded.</summary>
/// <param name="Name">Header name; compact forms are expanded to the long name (RFC 3261 §7.3.3).</param>
/// <param name="Value">The field value with surrounding whitespace trimmed and line folding replaced by a space.</param>
public readonly record struct SipHeader(string Name, string Value);
