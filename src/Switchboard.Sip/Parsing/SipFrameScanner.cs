using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Finds message boundaries in a stream (RFC 3261 §18.3: Content-Length framing over TCP). Leading CRLFs are keep-alives
/// (RFC 5626 §3.5.1) and are reported separately. Does not parse the message.
/// </summary>
public static class SipFrameScanner
{
    /// <summary>
    /// Looks for one complete message. <paramref name="keepAliveLength"/> counts leading CR/LF bytes to skip;
    /// on <see cref="OperationStatus.Done"/> the message is <c>buffer[keepAliveLength..(keepAliveLength + frameLength)]</c>.
    /// <see cref="OperationStatus.InvalidData"/> means the peer broke framing (too large or bad Content-Length): close the connection.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> buffer, int maxMessageSize, out int keepAliveLength, out int frameLength)
    {
        frameLength = 0;
        keepAliveLength = 0;
        while (keepAliveLength < buffer.Length && buffer[keepAliveLength] is (byte)'\r' or (byte)'\n')
        {
            keepAliveLength++;
        }

        var rest = buffer[keepAliveLength..];
        if (rest.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        var headerEnd = rest.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return rest.Length > maxMessageSize ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
        }

        if (!TryGetContentLength(rest[..(headerEnd + 2)], out var contentLength))
        {
            return OperationStatus.InvalidData;
        }

        var total = (long)headerEnd + 4 + contentLength;
        if (total > maxMessageSize)
        {
            return OperationStatus.InvalidData;
        }

        if (rest.Length < total)
        {
            return OperationStatus.NeedMoreData;
        }

        frameLength = (int)total;
        return OperationStatus.Done;
    }

    private static bool TryGetContentLength(ReadOnlySpan<byte> head, out int length)
    {
        length = 0;
        var found = false;
        while (!head.IsEmpty)
        {
            var end = head.IndexOf("\r\n"u8);
            var line = end < 0 ? head : head[..end];
            head = end < 0 ? default : head[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!(name.Length == 1 && (name[0] | 0x20) == 'l') && !Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (value.IsEmpty || value.Length > 9)
            {
                return false;
            }

            var n = 0;
            foreach (var b in value)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                n = (n * 10) + (b - '0');
            }

            if (found && n != length)
            {
                return false;
            }

            length = n;
            found = true;
        }

        return true;
    }
}
