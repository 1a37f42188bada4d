namespace Switchboard.Calls.Events;

/// <summary>A key press from the caller, once per press whatever the transport (RFC 4733, SIP INFO, in band): the media layer de-duplicates.</summary>
public sealed record DigitReceived(char Digit) : CallEvent;
