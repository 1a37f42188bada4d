using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Parses one SIP message from bytes (RFC 3261 §7, §25): start line, header fields (compact names, line folding,
/// case-insensitive names), and the body delimited by Content-Length (§18.3, §20.14). Never throws on bad input.
/// Semantic checks of typed headers are left to <see cref="SipMessageValidator"/>.
/// </summary>
/// <remarks>
/// One pass over the bytes finds every header line; then the message is copied once into an array that the headers
/// (as offset/length slices), the Request-URI and the body all point into. Header values become strings, and the
/// Request-URI a <see cref="SipUri"/>, only when something reads them. Nothing is pooled, so nothing outlives the message.
/// </remarks>
public static class SipMessageParser
{
    private const int StackUriLimit = 512;

    private static readonly SearchValues<byte> LineBreak = SearchValues.Create("\r\n"u8);

    /// <summary>Parses a datagram or a framed stream message.</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, SipParserOptions? options = null)
    {
        options ??= SipParserOptions.Default;
        var start = 0;
        while (start < data.Length && data[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == data.Length)
        {
            return SipParseResult.KeepAlive;
        }

        data = data[start..];
        if (data.Length > options.MaxMessageSize)
        {
            return SipParseResult.Fail(SipStatusCodes.MessageTooLarge, "Message too large", null, !data.StartsWith("SIP/"u8));
        }

        var headerEnd = FindHeaderEnd(data, out var separatorLength);
        if (headerEnd < 0 && data.EndsWith("\r\n"u8))
        {
            // A datagram whose last header line ends the packet: the empty line is implied (RFC 4475 baddn is such a file).
            headerEnd = data.Length - 2;
            separatorLength = 2;
        }

        if (headerEnd < 0)
        {
            return SipParseResult.Fail(SipStatusCodes.BadRequest, "Truncated message: no empty line after the headers", null, !data.StartsWith("SIP/"u8));
        }

        var head = data[..headerEnd];
        var lineEnd = head.IndexOfAny(LineBreak);
        var startLine = lineEnd < 0 ? head : head[..lineEnd];
        var isRequest = !startLine.StartsWith("SIP/"u8);

        var scan = new HeaderScan(options.MaxHeaders, CountLines(data[(lineEnd < 0 ? headerEnd : lineEnd)..headerEnd]));
        var headerError = scan.Run(data, lineEnd < 0 ? headerEnd : lineEnd, headerEnd);
        if (headerError is not null)
        {
            return SipParseResult.Fail(SipStatusCodes.BadRequest, headerError, null, isRequest);
        }

        var bodyStart = headerEnd + separatorLength;
        var bodyError = BodyLength(data, scan, data.Length - bodyStart, out var bodyLength);
        int startStatus, methodLength = 0, uriStart = 0, uriLength = 0, code = 0;
        var startError = isRequest
            ? CheckRequestLine(startLine, out startStatus, out methodLength, out uriStart, out uriLength)
            : CheckStatusLine(startLine, out startStatus, out code);

        var copy = data[..(bodyStart + (bodyError is null ? bodyLength : 0))].ToArray();
        var headers = scan.ToHeaders(copy);
        if (startError is not null)
        {
            return SipParseResult.Fail(startStatus, startError, headers, isRequest);
        }

        if (bodyError is not null)
        {
            return SipParseResult.Fail(SipStatusCodes.BadRequest, bodyError, headers, isRequest);
        }

        var body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(copy, bodyStart, bodyLength);
        SipMessage message = isRequest
            ? new SipRequest(SipMethods.Intern(startLine[..methodLength]) ?? Encoding.ASCII.GetString(startLine[..methodLength]), copy, uriStart, uriLength)
            {
                Headers = headers,
                Body = body,
                ReceivedSize = copy.Length,
            }
            : new SipResponse(code, ReasonPhrase(code, startLine))
            {
                Headers = headers,
                Body = body,
                ReceivedSize = copy.Length,
            };
        return SipParseResult.Ok(message);
    }

    private static int FindHeaderEnd(ReadOnlySpan<byte> data, out int separatorLength)
    {
        var crlf = data.IndexOf("\r\n\r\n"u8);
        var lf = data.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separatorLength = 4;
            return crlf;
        }

        separatorLength = 2;
        return lf;
    }

    /// <summary>An upper bound of header lines that is exact for CRLF-, LF- or CR-only messages without folding.</summary>
    private static int CountLines(ReadOnlySpan<byte> headerBytes) =>
        Math.Max(headerBytes.Count((byte)'\n'), headerBytes.Count((byte)'\r'));

    /// <summary>The body length from Content-Length (§20.14), or the rest of the datagram when absent (§18.3).</summary>
    private static string? BodyLength(ReadOnlySpan<byte> data, HeaderScan scan, int available, out int length)
    {
        length = available;
        var found = false;
        ReadOnlySpan<byte> first = default;
        for (var i = 0; i < scan.Count; i++)
        {
            if (!ReferenceEquals(scan.NameAt(i), SipHeaderNames.ContentLength))
            {
                continue;
            }

            var value = scan.ValueBytes(data, i);
            if (found && !value.SequenceEqual(first))
            {
                return "Conflicting Content-Length headers";
            }

            first = value;
            found = true;
        }

        if (!found)
        {
            return null;
        }

        if (first.Length is 0 or > 9 || first.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return "Invalid Content-Length";
        }

        Utf8Parser.TryParse(first, out int declared, out _);
        if (declared > available)
        {
            return "Content-Length larger than the message body";
        }

        length = declared;
        return null;
    }

    /// <summary>Checks <c>Method SP Request-URI SP SIP/2.0</c>; the URI is validated without building it.</summary>
    private static string? CheckRequestLine(ReadOnlySpan<byte> line, out int status, out int methodLength, out int uriStart, out int uriLength)
    {
        status = SipStatusCodes.BadRequest;
        var sp1 = line.IndexOf((byte)' ');
        var sp2 = line.LastIndexOf((byte)' ');
        methodLength = sp1;
        uriStart = sp1 + 1;
        uriLength = sp2 - sp1 - 1;
        if (sp1 <= 0 || sp2 <= sp1 + 1 || sp2 == line.Length - 1)
        {
            return "Malformed Request-Line";
        }

        var method = line[..sp1];
        var uriBytes = line[(sp1 + 1)..sp2];
        var version = line[(sp2 + 1)..];
        foreach (var b in method)
        {
            if (!SipSyntax.IsTokenByte(b))
            {
                return "Invalid method";
            }
        }

        if (uriBytes.IndexOfAny(" \t"u8) >= 0)
        {
            return "Whitespace in Request-URI";
        }

        if (!version.SequenceEqual("SIP/2.0"u8))
        {
            if (version.StartsWith("SIP/"u8))
            {
                status = SipStatusCodes.VersionNotSupported;
                return "SIP version not supported";
            }

            return "Malformed SIP version";
        }

        return IsValidUri(uriBytes) ? null : "Malformed Request-URI";
    }

    private static bool IsValidUri(ReadOnlySpan<byte> uriBytes)
    {
        char[]? rented = null;
        var chars = uriBytes.Length <= StackUriLimit ? stackalloc char[StackUriLimit] : (rented = ArrayPool<char>.Shared.Rent(uriBytes.Length));
        try
        {
            var n = Encoding.UTF8.GetChars(uriBytes, chars);
            return SipUri.IsValid(chars[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Checks <c>SIP/2.0 SP Status-Code SP Reason-Phrase</c> and reads the code.</summary>
    private static string? CheckStatusLine(ReadOnlySpan<byte> line, out int status, out int code)
    {
        status = 0;
        code = 0;
        if (!line.StartsWith("SIP/2.0 "u8) || line.Length < 11 || (line.Length > 11 && line[11] != ' '))
        {
            return "Malformed Status-Line";
        }

        if (!Utf8Parser.TryParse(line.Slice(8, 3), out code, out var consumed) || consumed != 3 || code is < 100 or > 699)
        {
            return "Invalid status code";
        }

        return null;
    }

    /// <summary>The reason phrase; the standard phrase of the code is reused when the text matches it.</summary>
    private static string ReasonPhrase(int code, ReadOnlySpan<byte> line)
    {
        if (line.Length <= 12)
        {
            return string.Empty;
        }

        var reason = line[12..];
        var standard = SipStatusCodes.ReasonPhrase(code);
        return Ascii.Equals(reason, standard) ? standard : Encoding.UTF8.GetString(reason);
    }
}
