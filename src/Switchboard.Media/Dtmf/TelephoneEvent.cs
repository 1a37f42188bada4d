using System.Buffers.Binary;

namespace Switchboard.Media.Dtmf;

/// <summary>The 4-byte telephone-event payload (RFC 4733 §2.3): event, E bit, volume, duration.</summary>
/// <param name="Event">Event code (§3.2: 0-15 are DTMF keys).</param>
/// <param name="End">E bit: the last packet(s) of the event.</param>
/// <param name="Volume">Power level in -dBm0 (0-63).</param>
/// <param name="Duration">Duration so far, in timestamp units (8 kHz).</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Payload size.</summary>
    public const int Size = 4;

    /// <summary>Reads the first event of a payload (redundant later blocks of §2.5.1.6 are not needed); false when too short.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload; returns <see cref="Size"/>.</summary>
    public int Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Size;
    }
}
