using System.Buffers.Binary;

namespace Switchboard.LoadTool;

/// <summary>
/// Reads classic libpcap files (dumpcap -P): the 24-byte global header, then 16-byte record headers. Link types
/// Ethernet (1, what Linux "lo" gives) and Linux cooked (113, "any"); IPv4 UDP only; everything else is skipped.
/// </summary>
public static class PcapFile
{
    public static IEnumerable<UdpDatagram> ReadUdp(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
        var header = new byte[24];
        stream.ReadExactly(header);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var (littleEndian, nanoseconds) = magic switch
        {
            0xA1B2C3D4 => (true, false),
            0xA1B23C4D => (true, true),
            0xD4C3B2A1 => (false, false),
            0x4D3CB2A1 => (false, true),
            _ => throw new InvalidDataException($"{path} is not a classic pcap file (write it with dumpcap -P)"),
        };
        var linkType = Read32(header.AsSpan(20), littleEndian);
        var linkHeader = linkType switch
        {
            1 => 14,
            113 => 16,
            _ => throw new InvalidDataException($"unsupported pcap link type {linkType}"),
        };
        var record = new byte[16];
        var frame = new byte[65536 + 64];
        while (stream.Read(record, 0, 16) == 16)
        {
            var seconds = Read32(record, littleEndian);
            var fraction = Read32(record.AsSpan(4), littleEndian);
            var captured = (int)Read32(record.AsSpan(8), littleEndian);
            if (captured > frame.Length)
            {
                throw new InvalidDataException($"capture record of {captured} bytes");
            }

            stream.ReadExactly(frame, 0, captured);
            var time = (seconds * 1_000_000L) + (nanoseconds ? fraction / 1000 : fraction);
            if (TryUdp(frame.AsSpan(0, captured), linkHeader, time) is { } datagram)
            {
                yield return datagram;
            }
        }
    }

    private static long Read32(ReadOnlySpan<byte> span, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);

    private static UdpDatagram? TryUdp(ReadOnlySpan<byte> frame, int linkHeader, long time)
    {
        if (frame.Length < linkHeader + 28)
        {
            return null;
        }

        var ip = frame[linkHeader..];
        if (ip[0] >> 4 != 4 || ip[9] != 17)
        {
            return null;
        }

        var udp = ip[((ip[0] & 0x0F) * 4)..];
        if (udp.Length < 8)
        {
            return null;
        }

        return new UdpDatagram(time, BinaryPrimitives.ReadUInt16BigEndian(udp), BinaryPrimitives.ReadUInt16BigEndian(udp[2..]), udp[8..].ToArray());
    }
}
