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
public static class SipMessageParser
{
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
        var body = data[(headerEnd + separatorLength)..];
        var lineEnd = head.IndexOfAny(LineBreak);
        var startLine = lineEnd < 0 ? head : head[..lineEnd];
        var isRequest = !startLine.StartsWith("SIP/"u8);
        var headerBytes = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : head[lineEnd..];

        var headers = ParseHeaders(headerBytes, options.MaxHeaders, out var headerError);
        if (headerError is not null)
        {
            return SipParseResult.Fail(SipStatusCodes.BadRequest, headerError, null, isRequest);
        }

        var bodyError = SliceBody(headers!, ref body);
        SipMessage? message;
        string? startError;
        int startStatus;
        if (isRequest)
        {
            message = ParseRequestLine(startLine, out startStatus, out startError);
        }
        else
        {
            message = ParseStatusLine(startLine, out startStatus, out startError);
        }

        if (message is null)
        {
            return SipParseResult.Fail(startStatus, startError ?? "Malformed start line", headers, isRequest);
        }

        if (bodyError is not null)
        {
            return SipParseResult.Fail(SipStatusCodes.BadRequest, bodyError, headers, isRequest);
        }

        return SipParseResult.Ok(message with { Headers = headers!, Body = body.IsEmpty ? ReadOnlyMemory<byte>.Empty : body.ToArray() });
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

    private static string? SliceBody(SipHeaders headers, ref ReadOnlySpan<byte> body)
    {
        string? lengthText = null;
        foreach (var h in headers)
        {
            if (ReferenceEquals(h.Name, SipHeaderNames.ContentLength))
            {
                if (lengthText is not null && lengthText != h.Value)
                {
                    return "Conflicting Content-Length headers";
                }

                lengthText = h.Value;
            }
        }

        if (lengthText is null)
        {
            return null; // RFC 3261 §18.3: over UDP the body extends to the end of the datagram.
        }

        if (lengthText.Length is 0 or > 9 || !lengthText.All(char.IsAsciiDigit))
        {
            return "Invalid Content-Length";
        }

        var length = int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
        if (length > body.Length)
        {
            return "Content-Length larger than the message body";
        }

        body = body[..length];
        return null;
    }

    private static SipHeaders? ParseHeaders(ReadOnlySpan<byte> bytes, int maxHeaders, out string? error)
    {
        error = null;
        var list = new List<SipHeader>(16);
        string? name = null;
        StringBuilder? folded = null;
        string? value = null;
        while (!bytes.IsEmpty)
        {
            // Skip the line break that ends the previous line.
            if (bytes[0] == '\r')
            {
                bytes = bytes[1..];
            }

            if (!bytes.IsEmpty && bytes[0] == '\n')
            {
                bytes = bytes[1..];
            }

            var end = bytes.IndexOfAny(LineBreak);
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? ReadOnlySpan<byte>.Empty : bytes[end..];
            if (line.IsEmpty)
            {
                continue;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (name is null)
                {
                    error = "Continuation line before any header";
                    return null;
                }

                folded ??= new StringBuilder(value);
                var more = Encoding.UTF8.GetString(line.Trim(" \t"u8));
                if (more.Length > 0)
                {
                    if (folded.Length > 0)
                    {
                        folded.Append(' ');
                    }

                    folded.Append(more);
                }

                continue;
            }

            if (name is not null)
            {
                list.Add(new SipHeader(name, folded?.ToString() ?? value!));
            }

            if (list.Count >= maxHeaders)
            {
                error = "Too many headers";
                return null;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = "Header line without a colon";
                return null;
            }

            var rawName = line[..colon].TrimEnd(" \t"u8);
            foreach (var b in rawName)
            {
                if (!SipSyntax.IsTokenByte(b))
                {
                    error = "Invalid header name";
                    return null;
                }
            }

            if (rawName.IsEmpty)
            {
                error = "Empty header name";
                return null;
            }

            name = SipHeaderNames.Canonicalize(rawName);
            value = DecodeValue(line[(colon + 1)..].Trim(" \t"u8));
            folded = null;
        }

        if (name is not null)
        {
            list.Add(new SipHeader(name, folded?.ToString() ?? value!));
        }

        return new SipHeaders(list.ToArray());
    }

    private static string DecodeValue(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);

    private static SipRequest? ParseRequestLine(ReadOnlySpan<byte> line, out int status, out string? error)
    {
        status = SipStatusCodes.BadRequest;
        error = null;
        var sp1 = line.IndexOf((byte)' ');
        var sp2 = line.LastIndexOf((byte)' ');
        if (sp1 <= 0 || sp2 <= sp1 + 1 || sp2 == line.Length - 1)
        {
            error = "Malformed Request-Line";
            return null;
        }

        var method = line[..sp1];
        var uriBytes = line[(sp1 + 1)..sp2];
        var version = line[(sp2 + 1)..];
        foreach (var b in method)
        {
            if (!SipSyntax.IsTokenByte(b))
            {
                error = "Invalid method";
                return null;
            }
        }

        if (uriBytes.IndexOfAny(" \t"u8) >= 0)
        {
            error = "Whitespace in Request-URI";
            return null;
        }

        if (!version.SequenceEqual("SIP/2.0"u8))
        {
            if (version.StartsWith("SIP/"u8))
            {
                status = SipStatusCodes.VersionNotSupported;
                error = "SIP version not supported";
                return null;
            }

            error = "Malformed SIP version";
            return null;
        }

        var uriText = Encoding.UTF8.GetString(uriBytes);
        if (!SipUri.TryParse(uriText, out var uri))
        {
            error = "Malformed Request-URI";
            return null;
        }

        return new SipRequest(SipMethods.Intern(method) ?? Encoding.ASCII.GetString(method), uri);
    }

    private static SipResponse? ParseStatusLine(ReadOnlySpan<byte> line, out int status, out string? error)
    {
        status = 0;
        error = null;
        if (!line.StartsWith("SIP/2.0 "u8) || line.Length < 11 || (line.Length > 11 && line[11] != ' '))
        {
            error = "Malformed Status-Line";
            return null;
        }

        if (!Utf8Parser.TryParse(line.Slice(8, 3), out int code, out var consumed) || consumed != 3 || code is < 100 or > 699)
        {
            error = "Invalid status code";
            return null;
        }

        var reason = line.Length > 12 ? Encoding.UTF8.GetString(line[12..]) : string.Empty;
        return new SipResponse(code, reason);
    }
}
