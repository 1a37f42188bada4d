using System.Buffers.Binary;
using Switchboard.Media.Playback;

namespace Switchboard.Cli.Phone;

/// <summary>
/// Records what a leg hears (8 kHz, 16-bit mono) into memory, at most <see cref="MaxDuration"/>, and writes it as a
/// WAV file (RIFF, PCM format 1) when the call ends.
/// </summary>
internal sealed class WavRecorder : IAudioSink
{
    /// <summary>The longest recording kept; later audio is dropped.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    private const int SampleRate = 8000;
    private readonly Lock _lock = new();
    private readonly List<short> _samples = new(SampleRate * 30);

    /// <summary>Samples recorded so far.</summary>
    public int SampleCount
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>The length recorded so far.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / SampleRate);

    public void Write(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            var room = (int)(MaxDuration.TotalSeconds * SampleRate) - _samples.Count;
            if (room > 0)
            {
                _samples.AddRange(samples[..Math.Min(room, samples.Length)]);
            }
        }
    }

    /// <summary>Writes the recording to <paramref name="path"/> (replacing the file).</summary>
    public void Save(string path)
    {
        short[] samples;
        lock (_lock)
        {
            samples = [.. _samples];
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        file.Write(Header(samples.Length * sizeof(short)));
        var bytes = new byte[samples.Length * sizeof(short)];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        file.Write(bytes);
    }

    private static byte[] Header(int dataBytes)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SampleRate * sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataBytes);
        return header;
    }
}
