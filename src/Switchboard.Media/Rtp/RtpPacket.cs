namespace Switchboard.Media.Rtp;

/// <summary>
/// An RTP packet viewed over a buffer (RFC 3550 §5): header plus payload, no copies and no allocation.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>Creates a view.</summary>
    public RtpPacket(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    /// <summary>The header.</summary>
    public RtpHeader Header { get; }

    /// <summary>The payload (without padding).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Parses <paramref name="datagram"/>; false when it is not RTP v2 (never throws).</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet)
    {
        if (RtpHeader.TryRead(datagram, out var header, out var payload))
        {
            packet = new RtpPacket(header, payload);
            return true;
        }

        packet = default;
        return false;
    }

    /// <summary>Writes <paramref name="header"/> and <paramref name="payload"/>; returns the datagram length.</summary>
    public static int Write(in RtpHeader header, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (destination.Length < RtpHeader.Size + payload.Length)
        {
            throw new ArgumentException("Destination is too short for the packet.", nameof(destination));
        }

        header.Write(destination);
        payload.CopyTo(destination[RtpHeader.Size..]);
        return RtpHeader.Size + payload.Length;
    }

    /// <summary>True when the first byte looks like RTCP rather than RTP (RFC 5761 §4: payload types 64-95 with M set are RTCP 192-223).</summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> datagram) => datagram.Length >= 2 && datagram[1] is >= 192 and <= 223;
}
