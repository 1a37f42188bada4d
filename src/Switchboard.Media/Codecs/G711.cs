namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 μ-law and A-law companding (RFC 3551 §4.5.14), table driven and allocation free.
/// Linear samples are 16-bit signed PCM at 8 kHz; one 20 ms frame is 160 samples / 160 bytes.
/// </summary>
public static class G711
{
    /// <summary>Samples (and bytes) in one 20 ms frame at 8 kHz.</summary>
    public const int FrameSamples = 160;

    /// <summary>μ-law byte for linear 0 (G.711 table 2a, positive zero).</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>A-law byte for the smallest positive level (G.711 table 1a, even bits inverted).</summary>
    public const byte ALawSilence = 0xD5;

    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly short[] MuLawToLinear = BuildDecodeTable(MuLawDecodeSlow);
    private static readonly short[] ALawToLinear = BuildDecodeTable(ALawDecodeSlow);
    private static readonly byte[] LinearToMuLaw = BuildEncodeTable(MuLawEncodeSlow);
    private static readonly byte[] LinearToALaw = BuildEncodeTable(ALawEncodeSlow);

    /// <summary>The byte that encodes silence in <paramref name="codec"/>: 0xFF for μ-law, 0xD5 for A-law.</summary>
    public static byte Silence(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => MuLawSilence,
        AudioCodec.Pcma => ALawSilence,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 codec."),
    };

    /// <summary>Encodes one linear sample to μ-law (G.711 §3, table 2a).</summary>
    public static byte MuLawEncode(short sample) => LinearToMuLaw[(ushort)sample];

    /// <summary>Decodes one μ-law byte to a linear sample (G.711 §3, table 2b).</summary>
    public static short MuLawDecode(byte value) => MuLawToLinear[value];

    /// <summary>Encodes one linear sample to A-law (G.711 §2, table 1a).</summary>
    public static byte ALawEncode(short sample) => LinearToALaw[(ushort)sample];

    /// <summary>Decodes one A-law byte to a linear sample (G.711 §2, table 1b).</summary>
    public static short ALawDecode(byte value) => ALawToLinear[value];

    /// <summary>Encodes <paramref name="pcm"/> to μ-law; <paramref name="destination"/> must be at least as long.</summary>
    public static void EncodeMuLaw(ReadOnlySpan<short> pcm, Span<byte> destination) => Encode(LinearToMuLaw, pcm, destination);

    /// <summary>Decodes μ-law bytes; <paramref name="destination"/> must be at least as long as <paramref name="encoded"/>.</summary>
    public static void DecodeMuLaw(ReadOnlySpan<byte> encoded, Span<short> destination) => Decode(MuLawToLinear, encoded, destination);

    /// <summary>Encodes <paramref name="pcm"/> to A-law; <paramref name="destination"/> must be at least as long.</summary>
    public static void EncodeALaw(ReadOnlySpan<short> pcm, Span<byte> destination) => Encode(LinearToALaw, pcm, destination);

    /// <summary>Decodes A-law bytes; <paramref name="destination"/> must be at least as long as <paramref name="encoded"/>.</summary>
    public static void DecodeALaw(ReadOnlySpan<byte> encoded, Span<short> destination) => Decode(ALawToLinear, encoded, destination);

    /// <summary>Encodes <paramref name="pcm"/> with <paramref name="codec"/>.</summary>
    public static void Encode(AudioCodec codec, ReadOnlySpan<short> pcm, Span<byte> destination) =>
        Encode(codec == AudioCodec.Pcma ? LinearToALaw : CheckMuLaw(codec), pcm, destination);

    /// <summary>Decodes <paramref name="encoded"/> with <paramref name="codec"/>.</summary>
    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> encoded, Span<short> destination) =>
        Decode(codec == AudioCodec.Pcma ? ALawToLinear : CheckMuLawDecode(codec), encoded, destination);

    /// <summary>
    /// Converts G.711 bytes from one law to the other (in place allowed), through the linear value.
    /// Used by the bridge when the two legs negotiated different codecs.
    /// </summary>
    public static void Transcode(AudioCodec from, AudioCodec to, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        if (from == to)
        {
            source.CopyTo(destination);
            return;
        }

        var decode = from == AudioCodec.Pcma ? ALawToLinear : CheckMuLawDecode(from);
        var encode = to == AudioCodec.Pcma ? LinearToALaw : CheckMuLaw(to);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = encode[(ushort)decode[source[i]]];
        }
    }

    private static byte[] CheckMuLaw(AudioCodec codec) => codec == AudioCodec.Pcmu
        ? LinearToMuLaw
        : throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 codec.");

    private static short[] CheckMuLawDecode(AudioCodec codec) => codec == AudioCodec.Pcmu
        ? MuLawToLinear
        : throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 codec.");

    private static void Encode(byte[] table, ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        if (destination.Length < pcm.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < pcm.Length; i++)
        {
            destination[i] = table[(ushort)pcm[i]];
        }
    }

    private static void Decode(short[] table, ReadOnlySpan<byte> encoded, Span<short> destination)
    {
        if (destination.Length < encoded.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < encoded.Length; i++)
        {
            destination[i] = table[encoded[i]];
        }
    }

    private static short[] BuildDecodeTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    private static byte[] BuildEncodeTable(Func<short, byte> encode)
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = encode((short)(ushort)i);
        }

        return table;
    }

    // μ-law: magnitude + bias, the segment is the position of the top bit, 4 mantissa bits follow it; all bits inverted.
    internal static byte MuLawEncodeSlow(short sample)
    {
        int magnitude = sample;
        var mask = 0xFF;
        if (magnitude < 0)
        {
            magnitude = -magnitude;
            mask = 0x7F;
        }

        magnitude = Math.Min(magnitude, MuLawClip) + MuLawBias;
        var segment = 31 - int.LeadingZeroCount(magnitude) - 7;
        var mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return (byte)(((segment << 4) | mantissa) ^ mask);
    }

    internal static short MuLawDecodeSlow(byte value)
    {
        var inverted = ~value & 0xFF;
        var segment = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var magnitude = (((mantissa << 3) + MuLawBias) << segment) - MuLawBias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    // A-law works on 13 bits: segment 0 and 1 are linear, each further segment doubles the step; even bits inverted.
    internal static byte ALawEncodeSlow(short sample)
    {
        var value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        if (value > 0xFFF)
        {
            return (byte)(0x7F ^ mask);
        }

        var segment = value < 0x20 ? 0 : 32 - int.LeadingZeroCount(value) - 5;
        var mantissa = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(((segment << 4) | mantissa) ^ mask);
    }

    internal static short ALawDecodeSlow(byte value)
    {
        var toggled = value ^ 0x55;
        var magnitude = (toggled & 0x0F) << 4;
        var segment = (toggled & 0x70) >> 4;
        magnitude = segment switch
        {
            0 => magnitude + 8,
            1 => magnitude + 0x108,
            _ => (magnitude + 0x108) << (segment - 1),
        };
        return (short)((toggled & 0x80) != 0 ? magnitude : -magnitude);
    }
}
