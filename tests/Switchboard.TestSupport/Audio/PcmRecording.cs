using System.Buffers.Binary;

namespace Switchboard.TestSupport;

/// <summary>16-bit PCM samples read from a WAV file (first channel only), for checking what a peer heard.</summary>
public sealed record PcmRecording(int SampleRate, short[] Samples)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    /// <summary>Reads a RIFF/WAVE file with 16-bit PCM data; throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static PcmRecording Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) is false || bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8) is false)
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        int sampleRate = 0, channels = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && body + 16 <= bytes.Length)
            {
                var format = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body, 2));
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4, 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 14, 2));
                if (format is not (1 or -2) || bits != 16 || channels < 1)
                {
                    throw new InvalidDataException($"{path}: only 16-bit PCM is supported (format {format}, {bits} bits)");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate == 0)
                {
                    throw new InvalidDataException($"{path}: data chunk before fmt chunk");
                }

                // A file still being written may announce more (or 0) bytes than it has.
                var available = Math.Min(size <= 0 ? int.MaxValue : size, bytes.Length - body);
                var frames = available / (2 * channels);
                var samples = new short[frames];
                for (var i = 0; i < frames; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + (i * 2 * channels), 2));
                }

                return new PcmRecording(sampleRate, samples);
            }

            offset = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>Root mean square of the samples, 0..32768.</summary>
    public double Rms()
    {
        if (Samples.Length == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var sample in Samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / Samples.Length);
    }

    /// <summary>
    /// The share (0..1) of the signal's energy at <paramref name="frequency"/> (Goertzel algorithm over all samples):
    /// near 1 for a pure tone at that frequency, near 0 for silence or other frequencies.
    /// </summary>
    public double ToneRatio(double frequency)
    {
        var n = Samples.Length;
        if (n == 0)
        {
            return 0;
        }

        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / SampleRate);
        double previous = 0, beforePrevious = 0, energy = 0;
        foreach (var sample in Samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            energy += (double)sample * sample;
        }

        if (energy == 0)
        {
            return 0;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return Math.Min(1, 2 * power / (n * energy));
    }
}
