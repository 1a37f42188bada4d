namespace Switchboard.LoadTool;

/// <summary>G.711 mu-law (ITU-T G.711 §2, segment encoding with bias 0x84) for the callers' audio file.</summary>
public static class MuLaw
{
    public static byte Encode(short sample)
    {
        const int Bias = 0x84;
        const int Clip = 32635;
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>A sine of <paramref name="frequency"/> Hz at <paramref name="amplitude"/> of full scale, 8 kHz.</summary>
    public static byte[] Tone(double frequency, double amplitude, int samples)
    {
        var bytes = new byte[samples];
        for (var i = 0; i < samples; i++)
        {
            bytes[i] = Encode((short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / 8000)));
        }

        return bytes;
    }
}
