using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1): method, Request-URI, headers, body.</summary>
public sealed record SipRequest(string Method, SipUri Uri) : SipMessage
{
    /// <summary>Max-Forwards value (RFC 3261 §20.22), or null when absent or invalid.</summary>
    public int? MaxForwards => int.TryParse(Headers.Get(SipHeaderNames.MaxForwards), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m <= 255 ? m : null;

    protected override void WriteStartLine(StringBuilder sb) => sb.Append(Method).Append(' ').Append(Uri.ToString()).Append(" SIP/2.0");
}
