using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1). Reading skips CSRCs, a header extension (§5.3.1) and padding (§5.1 P bit);
/// writing produces the 12-byte form (no CSRCs, no extension) that we send.
/// </summary>
/// <param name="PayloadType">7-bit payload type (RFC 3551 §6).</param>
/// <param name="SequenceNumber">Increments by one per packet, wraps at 65536.</param>
/// <param name="Timestamp">Sampling instant of the first octet, 8000 Hz for G.711.</param>
/// <param name="Ssrc">Synchronisation source.</param>
/// <param name="Marker">M bit: first packet of a talkspurt, or first packet of a telephone event (RFC 4733 §2.5.1.3).</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>Size of the fixed header we write.</summary>
    public const int Size = 12;

    /// <summary>RTP version 2.</summary>
    public const int Version = 2;

    /// <summary>
    /// Reads the header of <paramref name="packet"/> and returns the payload without CSRCs, extension and padding.
    /// False for anything that is not a well-formed RTP version 2 packet (never throws).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < Size || (packet[0] >> 6) != Version)
        {
            return false;
        }

        var first = packet[0];
        var offset = Size + ((first & 0x0F) * 4);
        if ((first & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4);
        }

        var end = packet.Length;
        if ((first & 0x20) != 0)
        {
            var padding = packet[^1];
            if (padding == 0)
            {
                return false;
            }

            end -= padding;
        }

        if (end < offset)
        {
            return false;
        }

        header = new RtpHeader(
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            (packet[1] & 0x80) != 0);
        payload = packet[offset..end];
        return true;
    }

    /// <summary>Writes the 12-byte header; returns <see cref="Size"/>. Throws if <paramref name="destination"/> is too short.</summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("Destination is shorter than an RTP header.", nameof(destination));
        }

        destination[0] = Version << 6;
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return Size;
    }
}
