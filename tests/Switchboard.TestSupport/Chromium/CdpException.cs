namespace Switchboard.TestSupport.Chromium;

/// <summary>A DevTools protocol command failed (its <c>error</c> reply) or a page script threw.</summary>
public sealed class CdpException(string message) : Exception(message);
