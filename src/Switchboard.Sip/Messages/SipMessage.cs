using System.Buffers;
using System.Buffers.Text;
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

    /// <summary>Bytes of the received message this instance keeps alive (0 for a message built here).</summary>
    internal int ReceivedSize { get; init; }

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

    /// <summary>UTF-8 length of the start line (without CRLF); <paramref name="text"/> carries anything the writer needs again.</summary>
    private protected abstract int StartLineLength(out string? text);

    /// <summary>Writes the start line (without CRLF) and returns the bytes written.</summary>
    private protected abstract int WriteStartLine(Span<byte> destination, string? text);

    /// <summary>Serializes the message with a correct Content-Length (RFC 3261 §20.14).</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = MeasureLength(out var startLine);
        var span = writer.GetSpan(length);
        Write(span, startLine);
        writer.Advance(length);
    }

    /// <summary>Serializes to a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[MeasureLength(out var startLine)];
        Write(bytes, startLine);
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    /// <summary>Exact serialized size: start line, every header except Content-Length, our Content-Length, the body.</summary>
    private int MeasureLength(out string? startLine)
    {
        var length = StartLineLength(out startLine) + 2;
        var headers = Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers.NameAt(i);
            if (IsContentLength(name))
            {
                continue;
            }

            var valueLength = headers.TryGetRaw(i, out var raw) ? raw.Length : Encoding.UTF8.GetByteCount(headers.ValueAt(i));
            length += Encoding.UTF8.GetByteCount(name) + 2 + valueLength + 2;
        }

        return length + "Content-Length: ".Length + DigitCount(Body.Length) + 4 + Body.Length;
    }

    private void Write(Span<byte> destination, string? startLine)
    {
        var n = WriteStartLine(destination, startLine);
        n += Crlf(destination[n..]);
        var headers = Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers.NameAt(i);
            if (IsContentLength(name))
            {
                continue;
            }

            n += Encoding.UTF8.GetBytes(name, destination[n..]);
            destination[n++] = (byte)':';
            destination[n++] = (byte)' ';
            if (headers.TryGetRaw(i, out var raw))
            {
                raw.CopyTo(destination[n..]);
                n += raw.Length;
            }
            else
            {
                n += Encoding.UTF8.GetBytes(headers.ValueAt(i), destination[n..]);
            }

            n += Crlf(destination[n..]);
        }

        "Content-Length: "u8.CopyTo(destination[n..]);
        n += 16;
        Utf8Formatter.TryFormat(Body.Length, destination[n..], out var written);
        n += written;
        n += Crlf(destination[n..]);
        n += Crlf(destination[n..]);
        Body.Span.CopyTo(destination[n..]);
    }

    private static bool IsContentLength(string name) =>
        ReferenceEquals(name, SipHeaderNames.ContentLength) || string.Equals(name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase);

    private static int Crlf(Span<byte> destination)
    {
        destination[0] = (byte)'\r';
        destination[1] = (byte)'\n';
        return 2;
    }

    /// <summary>Decimal digits of a non-negative number.</summary>
    private protected static int DigitCount(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
