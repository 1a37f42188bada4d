using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Prompts;

/// <summary>
/// Reads RIFF/WAVE files holding 16-bit linear PCM mono audio (WAVE_FORMAT_PCM, or WAVE_FORMAT_EXTENSIBLE with the
/// PCM sub-format) at 8, 16, 44.1 or 48 kHz. Unknown chunks (LIST, fact, cue ...) are skipped. Anything else,
/// including a file cut short before its audio, gives a <see cref="WavFormatException"/> naming the file; a data
/// chunk cut short is read up to its last whole sample (recorders that died mid-file leave such files).
/// </summary>
public static class WavReader
{
    /// <summary>The sample rates accepted; everything is resampled to 8 kHz for G.711.</summary>
    public static IReadOnlyList<int> SupportedSampleRates { get; } = [8000, 16000, 44100, 48000];

    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

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

        int? sampleRate = null;
        var offset = 12;
        while (offset <= data.Length - 8)
        {
            var id = data.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(offset + 4, 4));
            var bodyStart = offset + 8;
            var available = data.Length - bodyStart;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size > (uint)available || size < 16)
                {
                    throw new WavFormatException(source, $"truncated or malformed fmt chunk ({size} bytes)");
                }

                sampleRate = ReadFormat(data.Slice(bodyStart, (int)size), source);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is not { } rate)
                {
                    throw new WavFormatException(source, "data chunk before the fmt chunk");
                }

                // A short data chunk (file truncated, or a streaming writer's 0xFFFFFFFF size) keeps its whole samples.
                var length = size > (uint)available ? available : (int)size;
                return new WavAudio(rate, ToSamples(data.Slice(bodyStart, length & ~1)));
            }

            if (size > (uint)available)
            {
                break;
            }

            offset = bodyStart + (int)size + (int)(size & 1); // chunks are padded to an even length
        }

        throw new WavFormatException(source, sampleRate is null ? "no fmt chunk" : "no data chunk (file truncated?)");
    }

    private static int ReadFormat(ReadOnlySpan<byte> fmt, string source)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            // WAVEFORMATEXTENSIBLE: cbSize (2), valid bits (2), channel mask (4), sub-format GUID whose first 2 bytes are the format tag.
            if (fmt.Length < 40)
            {
                throw new WavFormatException(source, "truncated WAVE_FORMAT_EXTENSIBLE header");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (tag != FormatPcm)
        {
            throw new WavFormatException(source, $"audio format {tag} is not linear PCM (1); convert it, e.g. sox in.wav -e signed-integer -b 16 -c 1 out.wav");
        }

        if (channels != 1)
        {
            throw new WavFormatException(source, $"{channels} channels, expected mono");
        }

        if (bits != 16)
        {
            throw new WavFormatException(source, $"{bits} bits per sample, expected 16");
        }

        if (!SupportedSampleRates.Contains(rate))
        {
            throw new WavFormatException(source, $"sample rate {rate} Hz is not supported");
        }

        return rate;
    }

    private static short[] ToSamples(ReadOnlySpan<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.Cast<byte, short>(bytes).ToArray();
        }

        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
        }

        return samples;
    }
}
