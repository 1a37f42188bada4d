namespace Switchboard.Sip.UserAgents;

/// <summary>Username and password for answering a digest challenge (RFC 3261 §22.2, RFC 7616).</summary>
public sealed record SipCredentials(string Username, string Password);
