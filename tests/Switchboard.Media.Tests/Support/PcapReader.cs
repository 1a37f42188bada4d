using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Support;

/// <summary>
/// A tiny reader for classic libpcap files (not pcapng): global header, record headers, Ethernet (or Linux cooked)
/// -> IPv4 -> UDP, yielding the UDP payloads. Enough for SIPp's sample captures.
/// </summary>
internal static class PcapReader
{
    public static IReadOnlyList<byte[]> ReadUdpPayloads(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 24)
        {
            throw new InvalidDataException("Not a pcap file: too short.");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var littleEndian = magic switch
        {
            0xA1B2C3D4 or 0xA1B23C4D => true,
            0xD4C3B2A1 or 0x4D3CB2A1 => false,
            _ => throw new InvalidDataException($"Not a pcap file: magic {magic:X8}."),
        };

        uint Read32(int offset) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

        var linkType = Read32(20);
        var payloads = new List<byte[]>();
        var position = 24;
        while (position + 16 <= data.Length)
        {
            var captured = (int)Read32(position + 8);
            var frame = data.AsSpan(position + 16, Math.Min(captured, data.Length - position - 16));
            position += 16 + captured;
            if (TryUdpPayload(frame, linkType, out var payload))
            {
                payloads.Add(payload.ToArray());
            }
        }

        return payloads;
    }

    private static bool TryUdpPayload(ReadOnlySpan<byte> frame, uint linkType, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        int ipOffset;
        ushort etherType;
        switch (linkType)
        {
            case 1: // Ethernet
                if (frame.Length < 14)
                {
                    return false;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                ipOffset = 14;
                if (etherType == 0x8100 && frame.Length >= 18)
                {
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]);
                    ipOffset = 18;
                }

                break;
            case 113: // Linux cooked capture
                if (frame.Length < 16)
                {
                    return false;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                ipOffset = 16;
                break;
            default:
                return false;
        }

        if (etherType != 0x0800 || frame.Length < ipOffset + 20)
        {
            return false;
        }

        var ip = frame[ipOffset..];
        var headerLength = (ip[0] & 0x0F) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (ip[9] != 17 || ip.Length < headerLength + 8)
        {
            return false;
        }

        var udp = ip[headerLength..Math.Min(ip.Length, totalLength)];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < 8 || udpLength > udp.Length)
        {
            return false;
        }

        payload = udp[8..udpLength];
        return true;
    }
}
