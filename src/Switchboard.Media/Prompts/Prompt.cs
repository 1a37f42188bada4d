using Switchboard.Media.Codecs;

namespace Switchboard.Media.Prompts;

/// <summary>
/// One prompt, loaded once and shared by every call: 8 kHz 16-bit PCM, and its G.711 encodings (RFC 3551 §4.5.14:
/// PCMU and PCMA, 20 ms = 160 bytes per frame) made once, with the last frame padded with silence.
/// Immutable: per-call playback state lives in <see cref="PromptPlayer"/> or <see cref="LoopingSource"/>.
/// </summary>
public sealed class Prompt
{
    /// <summary>Samples (and G.711 bytes) per 20 ms frame at 8 kHz.</summary>
    public const int FrameSize = 160;

    private readonly short[] _samples;
    private readonly byte[] _pcmu;
    private readonly byte[] _pcma;

    /// <summary>Creates a prompt from 8 kHz samples (copied), encoding it for both codecs.</summary>
    public Prompt(string name, ReadOnlySpan<short> samples8kHz)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _samples = samples8kHz.ToArray();
        FrameCount = (_samples.Length + FrameSize - 1) / FrameSize;
        _pcmu = Encode(AudioCodec.Pcmu, _samples, FrameCount);
        _pcma = Encode(AudioCodec.Pcma, _samples, FrameCount);
    }

    /// <summary>The prompt's name, e.g. <c>greeting</c> or <c>num_3</c> (the WAV file name without extension).</summary>
    public string Name { get; }

    /// <summary>The 8 kHz linear PCM samples.</summary>
    public ReadOnlySpan<short> Samples => _samples;

    /// <summary>Number of 20 ms frames, the last one padded with silence.</summary>
    public int FrameCount { get; }

    /// <summary>How long the prompt plays (whole frames).</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(FrameCount * 20);

    /// <summary>Loads a WAV file (any format <see cref="WavReader"/> accepts) and resamples it to 8 kHz.</summary>
    /// <exception cref="WavFormatException">The file is not a WAV file Switchboard can play.</exception>
    public static Prompt FromFile(string name, string path)
    {
        var audio = WavReader.ReadFile(path);
        return new Prompt(name, Resampler.ToTargetRate(audio.Samples.Span, audio.SampleRate));
    }

    /// <summary>All frames in <paramref name="codec"/>, <see cref="FrameCount"/> x 160 bytes.</summary>
    public ReadOnlySpan<byte> Encoded(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => _pcmu,
        AudioCodec.Pcma => _pcma,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Prompts are encoded as PCMU or PCMA only."),
    };

    /// <summary>Frame <paramref name="index"/> (0-based) in <paramref name="codec"/>: 160 bytes.</summary>
    public ReadOnlySpan<byte> Frame(AudioCodec codec, int index) => Encoded(codec).Slice(index * FrameSize, FrameSize);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Duration.TotalSeconds:0.00} s)";

    private static byte[] Encode(AudioCodec codec, short[] samples, int frameCount)
    {
        var encoded = new byte[frameCount * FrameSize];
        G711.Encode(codec, samples, encoded.AsSpan(0, samples.Length));
        encoded.AsSpan(samples.Length).Fill(G711.Silence(codec));
        return encoded;
    }
}
