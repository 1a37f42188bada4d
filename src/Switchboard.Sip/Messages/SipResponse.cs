using System.Buffers.Text;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2): status code 100-699, reason phrase, headers, body.</summary>
public sealed record SipResponse(int StatusCode, string ReasonPhrase) : SipMessage
{
    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    private protected override int StartLineLength(out string? text)
    {
        text = null;
        return "SIP/2.0 ".Length + DigitCount(StatusCode) + 1 + Encoding.UTF8.GetByteCount(ReasonPhrase ?? string.Empty);
    }

    private protected override int WriteStartLine(Span<byte> destination, string? text)
    {
        "SIP/2.0 "u8.CopyTo(destination);
        var n = 8;
        Utf8Formatter.TryFormat(StatusCode, destination[n..], out var written);
        n += written;
        destination[n++] = (byte)' ';
        return n + Encoding.UTF8.GetBytes(ReasonPhrase ?? string.Empty, destination[n..]);
    }
}
