namespace Switchboard.Sip.Messages;

/// <summary>
/// One header field line inside <see cref="SipHeaders"/>: the canonical name and where the trimmed value lies in the
/// received message bytes. <see cref="Start"/> is -1 when the value exists only as a string (built or unfolded).
/// </summary>
internal readonly record struct HeaderEntry(string Name, int Start, int Length)
{
    public bool IsRaw => Start >= 0;
}
