using System.Buffers;
using System.Globalization;
using System.Text;

namespace Switchboard.TestSupport;

/// <summary>Netstring framing (<c>&lt;length&gt;:&lt;bytes&gt;,</c>) as baresip's ctrl_tcp uses it.</summary>
public static class Netstring
{
    public static byte[] Encode(string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var prefix = Encoding.ASCII.GetBytes(body.Length.ToString(CultureInfo.InvariantCulture) + ":");
        var frame = new byte[prefix.Length + body.Length + 1];
        prefix.CopyTo(frame, 0);
        body.CopyTo(frame, prefix.Length);
        frame[^1] = (byte)',';
        return frame;
    }

    /// <summary>
    /// Takes one frame off the front of <paramref name="buffer"/>: true with the payload when a whole frame is there,
    /// false when more bytes are needed. Throws <see cref="FormatException"/> on bytes that are not a netstring.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out string payload)
    {
        payload = string.Empty;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> digits, (byte)':'))
        {
            if (buffer.Length > 10)
            {
                throw new FormatException("netstring length prefix too long");
            }

            return false;
        }

        var lengthText = Encoding.ASCII.GetString(digits);
        if (lengthText.Length is 0 or > 9 || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new FormatException($"bad netstring length '{lengthText}'");
        }

        if (reader.Remaining < length + 1)
        {
            return false;
        }

        var body = buffer.Slice(reader.Position, length);
        reader.Advance(length);
        if (!reader.TryRead(out var comma) || comma != (byte)',')
        {
            throw new FormatException("netstring not terminated by ','");
        }

        payload = Encoding.UTF8.GetString(body);
        buffer = buffer.Slice(reader.Position);
        return true;
    }
}
