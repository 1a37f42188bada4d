using System.Buffers.Binary;

namespace Switchboard.TestSupport;

/// <summary>
/// Writes test WAV files in the formats prompt authors hand in: 24-bit PCM and 32-bit float, several channels, any
/// rate, with 8 kHz source audio upsampled by band-limited (windowed sinc) interpolation, so the file holds the same
/// sound at the higher rate.
/// </summary>
public static class WavFiles
{
    /// <summary>Writes <paramref name="samples8kHz"/> at <paramref name="rate"/> Hz as <paramref name="bits"/>-bit PCM (24) or float (32), the same audio in every channel.</summary>
    public static void Write(string path, ReadOnlySpan<short> samples8kHz, int rate, int channels, int bits)
    {
        var upsampled = Upsample(samples8kHz, 8000, rate);
        var bytesPerSample = bits / 8;
        var data = new byte[upsampled.Length * channels * bytesPerSample];
        var offset = 0;
        foreach (var value in upsampled)
        {
            for (var c = 0; c < channels; c++)
            {
                if (bits == 32)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(offset), (float)value);
                }
                else
                {
                    var scaled = (int)Math.Clamp(Math.Round(value * 8_388_608), -8_388_608, 8_388_607);
                    data[offset] = (byte)scaled;
                    data[offset + 1] = (byte)(scaled >> 8);
                    data[offset + 2] = (byte)(scaled >> 16);
                }

                offset += bytesPerSample;
            }
        }

        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, bits == 32 ? (ushort)3 : (ushort)1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * channels * bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        using var file = File.Create(path);
        file.Write("RIFF"u8);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, 4 + 8 + fmt.Length + 8 + data.Length);
        file.Write(size);
        file.Write("WAVEfmt "u8);
        BinaryPrimitives.WriteInt32LittleEndian(size, fmt.Length);
        file.Write(size);
        file.Write(fmt);
        file.Write("data"u8);
        BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
        file.Write(size);
        file.Write(data);
    }

    /// <summary>Band-limited interpolation from <paramref name="from"/> to <paramref name="to"/> Hz (Hann-windowed sinc, 32 taps a side); values in -1..1.</summary>
    public static double[] Upsample(ReadOnlySpan<short> samples, int from, int to)
    {
        const int HalfWidth = 32;
        var output = new double[(int)((long)samples.Length * to / from)];
        for (var n = 0; n < output.Length; n++)
        {
            var t = (double)n * from / to;
            var center = (int)Math.Floor(t);
            double sum = 0;
            for (var k = center - HalfWidth + 1; k <= center + HalfWidth; k++)
            {
                if (k < 0 || k >= samples.Length)
                {
                    continue;
                }

                var x = t - k;
                var sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
                var window = 0.5 + (0.5 * Math.Cos(Math.PI * x / HalfWidth));
                sum += samples[k] / 32768.0 * sinc * window;
            }

            output[n] = sum;
        }

        return output;
    }
}
