using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Media.Rtcp;

/// <summary>
/// Building and reading RTCP compound packets (RFC 3550 §6): SR/RR first, then SDES with a CNAME (§6.1 requires both).
/// Reading walks the compound packet and returns the first SR or RR; other packet types (SDES, BYE, APP) are skipped.
/// </summary>
public static class RtcpPacket
{
    /// <summary>RTCP packet type of a sender report.</summary>
    public const byte SenderReportType = 200;

    /// <summary>RTCP packet type of a receiver report.</summary>
    public const byte ReceiverReportType = 201;

    /// <summary>RTCP packet type of source description.</summary>
    public const byte SourceDescriptionType = 202;

    /// <summary>RTCP packet type of goodbye.</summary>
    public const byte ByeType = 203;

    /// <summary>Writes the report (SR or RR) followed by an SDES CNAME chunk; returns the compound length.</summary>
    public static int WriteCompound(RtcpReport report, string cname, Span<byte> destination)
    {
        var length = WriteReport(report, destination);
        return length + WriteSourceDescription(report.Ssrc, cname, destination[length..]);
    }

    /// <summary>
    /// Writes an SR (when <paramref name="isSenderReport"/>) or RR with <paramref name="blocks"/>, then an SDES CNAME
    /// chunk, from plain values: what a session sends every few seconds, without a report object (no allocation).
    /// </summary>
    public static int WriteCompound(uint ssrc, bool isSenderReport, ulong ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount,
        ReadOnlySpan<RtcpReportBlock> blocks, string cname, Span<byte> destination)
    {
        var length = WriteReport(ssrc, isSenderReport, ntpTimestamp, rtpTimestamp, packetCount, octetCount, blocks, destination);
        return length + WriteSourceDescription(ssrc, cname, destination[length..]);
    }

    /// <summary>Writes one SR or RR packet; returns its length.</summary>
    public static int WriteReport(RtcpReport report, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Blocks.Count > 31)
        {
            throw new ArgumentException("At most 31 report blocks fit one packet.", nameof(report));
        }

        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[report.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = report.Blocks[i];
        }

        return WriteReport(report.Ssrc, report.IsSenderReport, report.NtpTimestamp, report.RtpTimestamp, report.PacketCount, report.OctetCount, blocks, destination);
    }

    private static int WriteReport(uint ssrc, bool isSenderReport, ulong ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount,
        ReadOnlySpan<RtcpReportBlock> blocks, Span<byte> destination)
    {
        if (blocks.Length > 31)
        {
            throw new ArgumentException("At most 31 report blocks fit one packet.", nameof(blocks));
        }

        var length = 8 + (isSenderReport ? 20 : 0) + (blocks.Length * RtcpReportBlock.Size);
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination is too short for the report.", nameof(destination));
        }

        destination[0] = (byte)(0x80 | blocks.Length);
        destination[1] = isSenderReport ? SenderReportType : ReceiverReportType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var offset = 8;
        if (isSenderReport)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], ntpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], rtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], packetCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[24..], octetCount);
            offset = 28;
        }

        foreach (var block in blocks)
        {
            var span = destination[offset..];
            BinaryPrimitives.WriteUInt32BigEndian(span, block.Ssrc);
            var lost = Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
            BinaryPrimitives.WriteUInt32BigEndian(span[4..], ((uint)block.FractionLost << 24) | (uint)lost);
            BinaryPrimitives.WriteUInt32BigEndian(span[8..], block.HighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(span[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(span[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(span[20..], block.DelaySinceLastSenderReport);
            offset += RtcpReportBlock.Size;
        }

        return length;
    }

    /// <summary>Writes an SDES packet with one chunk holding a CNAME item (RFC 3550 §6.5.1); returns its length.</summary>
    public static int WriteSourceDescription(uint ssrc, string cname, Span<byte> destination)
    {
        var nameLength = Encoding.UTF8.GetByteCount(cname);
        if (nameLength > 255)
        {
            throw new ArgumentException("CNAME longer than 255 bytes.", nameof(cname));
        }

        // header 4 + ssrc 4 + type 1 + len 1 + name + at least one null, padded to 32 bits.
        var length = (4 + 4 + 2 + nameLength + 1 + 3) & ~3;
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination is too short for the SDES packet.", nameof(destination));
        }

        destination[..length].Clear();
        destination[0] = 0x81;
        destination[1] = SourceDescriptionType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1;
        destination[9] = (byte)nameLength;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        return length;
    }

    /// <summary>Reads the first SR or RR of a compound packet; false (never an exception) when there is none or it is malformed.</summary>
    public static bool TryReadReport(ReadOnlySpan<byte> datagram, out RtcpReport? report)
    {
        report = null;
        while (datagram.Length >= 4)
        {
            if ((datagram[0] >> 6) != 2)
            {
                return false;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) + 1) * 4;
            if (length > datagram.Length)
            {
                return false;
            }

            var packet = datagram[..length];
            var type = packet[1];
            if (type is SenderReportType or ReceiverReportType)
            {
                return TryReadReportPacket(packet, type == SenderReportType, out report);
            }

            datagram = datagram[length..];
        }

        return false;
    }

    private static bool TryReadReportPacket(ReadOnlySpan<byte> packet, bool sender, out RtcpReport? report)
    {
        report = null;
        var count = packet[0] & 0x1F;
        var offset = sender ? 28 : 8;
        if (packet.Length < offset + (count * RtcpReportBlock.Size))
        {
            return false;
        }

        var blocks = new RtcpReportBlock[count];
        for (var i = 0; i < count; i++)
        {
            var span = packet[(offset + (i * RtcpReportBlock.Size))..];
            var lossWord = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
            var lost = (int)(lossWord & 0xFFFFFF);
            if ((lost & 0x800000) != 0)
            {
                lost -= 0x1000000;
            }

            blocks[i] = new RtcpReportBlock(BinaryPrimitives.ReadUInt32BigEndian(span), (byte)(lossWord >> 24), lost,
                BinaryPrimitives.ReadUInt32BigEndian(span[8..]), BinaryPrimitives.ReadUInt32BigEndian(span[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(span[16..]), BinaryPrimitives.ReadUInt32BigEndian(span[20..]));
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        report = sender
            ? new RtcpReport(ssrc, true, BinaryPrimitives.ReadUInt64BigEndian(packet[8..]), BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[20..]), BinaryPrimitives.ReadUInt32BigEndian(packet[24..]), blocks)
            : RtcpReport.Receiver(ssrc, blocks);
        return true;
    }
}
