using System.Buffers;
using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP message (RFC 3261 §7): start line, headers and an opaque body. Immutable; use <c>with</c> to derive.</summary>
public abstract record SipMessage
{
    public SipHeaders Headers { get; init; } = SipHeaders.Empty;

    /// <summary>Message body (e.g. SDP), opaque to this layer.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? CallId => Headers.Get(SipHeaderNames.CallId);

    public SipCSeq? CSeq => SipCSeq.TryParse(Headers.Get(SipHeaderNames.CSeq), out var c) ? c : null;

    public SipNameAddress? From => SipNameAddress.TryParse(Headers.Get(SipHeaderNames.From), out var v) ? v : null;

    public SipNameAddress? To => SipNameAddress.TryParse(Headers.Get(SipHeaderNames.To), out var v) ? v : null;

    /// <summary>All Via values, top first; empty when absent or malformed.</summary>
    public IReadOnlyList<SipVia> Vias => SipVia.TryParseAll(Headers.GetAll(SipHeaderNames.Via), out var v) ? v : [];

    public SipVia? TopVia => Vias is [var top, ..] ? top : null;

    public string? ContentType => Headers.Get(SipHeaderNames.ContentType);

    /// <summary>Contact values; empty when absent, "*" or malformed.</summary>
    public IReadOnlyList<SipNameAddress> Contacts =>
        SipNameAddress.TryParseList(Headers.GetValues(SipHeaderNames.Contact), out var list) ? list : [];

    public IReadOnlyList<SipNameAddress> RecordRoutes =>
        SipNameAddress.TryParseList(Headers.GetValues(SipHeaderNames.RecordRoute), out var list) ? list : [];

    public IReadOnlyList<SipNameAddress> Routes =>
        SipNameAddress.TryParseList(Headers.GetValues(SipHeaderNames.Route), out var list) ? list : [];

    public int? Expires => int.TryParse(Headers.Get(SipHeaderNames.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;

    /// <summary>Writes the start line (without CRLF).</summary>
    protected abstract void WriteStartLine(StringBuilder sb);

    /// <summary>Serializes the message with a correct Content-Length (RFC 3261 §20.14).</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        var sb = new StringBuilder(256 + Headers.Count * 48);
        WriteStartLine(sb);
        sb.Append("\r\n");
        foreach (var h in Headers)
        {
            if (h.Name == SipHeaderNames.ContentLength)
            {
                continue;
            }

            sb.Append(h.Name).Append(": ").Append(h.Value).Append("\r\n");
        }

        sb.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var length = Encoding.UTF8.GetByteCount(sb.ToString());
        var span = writer.GetSpan(length + Body.Length);
        var written = Encoding.UTF8.GetBytes(sb.ToString(), span);
        Body.Span.CopyTo(span[written..]);
        writer.Advance(written + Body.Length);
    }

    /// <summary>Serializes to a new array.</summary>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(512 + Body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    public override string ToString() => Encoding.UTF8.GetString(ToArray());
}
