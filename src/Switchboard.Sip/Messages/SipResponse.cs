using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2): status code 100-699, reason phrase, headers, body.</summary>
public sealed record SipResponse(int StatusCode, string ReasonPhrase) : SipMessage
{
    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    protected override void WriteStartLine(StringBuilder sb) =>
        sb.Append("SIP/2.0 ").Append(StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase);
}
