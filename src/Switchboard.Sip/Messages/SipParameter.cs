namespace Switchboard.Sip.Messages;

/// <summary>One <c>;name[=value]</c> parameter of a URI or header (RFC 3261 §19.1.1, §7.3.1).</summary>
public readonly record struct SipParameter(string Name, string? Value);
