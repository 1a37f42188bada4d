using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace Switchboard.Media.Prompts;

/// <summary>
/// Reads RIFF/WAVE prompt files with NAudio's <see cref="WaveFileReader"/> (chunk walking, WAVE_FORMAT_EXTENSIBLE)
/// and its sample providers (8-bit unsigned, 16/24/32-bit signed PCM, 32-bit IEEE float), any number of channels
/// (mixed down to mono by averaging), at any rate from <see cref="MinSampleRate"/> to <see cref="MaxSampleRate"/>
/// Hz; <see cref="Resampler"/> takes it to 8 kHz afterwards. Anything else, including a file cut short before its
/// audio, gives a <see cref="WavFormatException"/> naming the file; a data chunk cut short is read up to its last
/// whole sample frame (recorders that died mid-file leave such files).
/// </summary>
public static class WavReader
{
    /// <summary>The lowest sample rate accepted.</summary>
    public const int MinSampleRate = 4000;

    /// <summary>The highest sample rate accepted.</summary>
    public const int MaxSampleRate = 192_000;

    /// <summary>At most this many channels (interleaved) are mixed down.</summary>
    public const int MaxChannels = 8;

    /// <summary>The formats read, for messages and docs.</summary>
    public const string Formats = "RIFF/WAVE, 8-bit unsigned or 16/24/32-bit signed PCM or 32-bit float, mono or up to 8 channels, 4-192 kHz";

    /// <summary>Reads the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="WavFormatException">The file is not a WAV file Switchboard can play.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WavAudio ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads WAV data already in memory; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="WavFormatException">The data is not a WAV file Switchboard can play.</exception>
    public static WavAudio Read(ReadOnlySpan<byte> data, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (data.Length < 12)
        {
            throw new WavFormatException(source, $"too short for a WAV header ({data.Length} bytes)");
        }

        if (!data[..4].SequenceEqual("RIFF"u8) || !data[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException(source, "not a RIFF/WAVE file");
        }

        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(new MemoryStream(data.ToArray(), writable: false));
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or IOException or OverflowException or NotSupportedException)
        {
            throw new WavFormatException(source, $"unreadable WAV header ({ex.Message.TrimEnd('.')})");
        }

        using (reader)
        {
            var format = reader.WaveFormat;
            var (encoding, bits) = Effective(format);
            if (format.SampleRate is < MinSampleRate or > MaxSampleRate)
            {
                throw new WavFormatException(source, $"sample rate {format.SampleRate} Hz is not supported");
            }

            if (format.Channels is < 1 or > MaxChannels)
            {
                throw new WavFormatException(source, $"{format.Channels} channels, expected 1 to {MaxChannels}");
            }

            var plain = encoding == WaveFormatEncoding.IeeeFloat
                ? WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels)
                : new WaveFormat(format.SampleRate, bits, format.Channels);
            ISampleProvider samples = (encoding, bits) switch
            {
                (WaveFormatEncoding.Pcm, 8) => new Pcm8BitToSampleProvider(new RawSourceWaveStream(reader, plain)),
                (WaveFormatEncoding.Pcm, 16) => new Pcm16BitToSampleProvider(new RawSourceWaveStream(reader, plain)),
                (WaveFormatEncoding.Pcm, 24) => new Pcm24BitToSampleProvider(new RawSourceWaveStream(reader, plain)),
                (WaveFormatEncoding.Pcm, 32) => new Pcm32BitToSampleProvider(new RawSourceWaveStream(reader, plain)),
                (WaveFormatEncoding.IeeeFloat, 32) => new WaveToSampleProvider(new RawSourceWaveStream(reader, plain)),
                (WaveFormatEncoding.Pcm or WaveFormatEncoding.IeeeFloat, _) => throw new WavFormatException(source, $"{bits} bits per sample in {encoding} is not supported"),
                _ => throw new WavFormatException(source, $"audio format {(int)encoding} ({encoding}) is not linear PCM or float; convert it, e.g. sox in.wav -e signed-integer -b 16 -c 1 out.wav"),
            };
            return new WavAudio(format.SampleRate, MixDown(samples, format.Channels, reader.Length / format.BlockAlign));
        }
    }

    // WAVE_FORMAT_EXTENSIBLE names the real format in its sub-format GUID (first two bytes = the format tag).
    private static (WaveFormatEncoding Encoding, int Bits) Effective(WaveFormat format)
    {
        switch (format)
        {
            case WaveFormatExtensible extensible:
                return ((WaveFormatEncoding)BitConverter.ToUInt16(extensible.SubFormat.ToByteArray(), 0), format.BitsPerSample);
            case WaveFormatExtraData { Encoding: WaveFormatEncoding.Extensible } extra when format.ExtraSize >= 22:
                // After cbSize: valid bits (2), channel mask (4), then the sub-format GUID.
                return ((WaveFormatEncoding)BitConverter.ToUInt16(extra.ExtraData, 6), format.BitsPerSample);
            default:
                return (format.Encoding, format.BitsPerSample);
        }
    }

    private static short[] MixDown(ISampleProvider samples, int channels, long frames)
    {
        var output = new short[(int)Math.Min(frames, int.MaxValue / Math.Max(1, channels))];
        var buffer = new float[4096 * channels];
        var written = 0;
        var carry = 0; // samples of an incomplete frame left at the start of the buffer
        while (written < output.Length)
        {
            var read = samples.Read(buffer.AsSpan(carry, buffer.Length - carry));
            if (read == 0)
            {
                break;
            }

            var available = carry + read;
            var whole = available / channels;
            for (var f = 0; f < whole && written < output.Length; f++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                {
                    sum += buffer[(f * channels) + c];
                }

                output[written++] = (short)Math.Clamp(MathF.Round(sum / channels * 32768f), short.MinValue, short.MaxValue);
            }

            carry = available - (whole * channels);
            buffer.AsSpan(whole * channels, carry).CopyTo(buffer);
        }

        return written == output.Length ? output : output[..written];
    }
}
