namespace Switchboard.Media.Prompts;

/// <summary>Decoded WAV audio: 16-bit linear PCM, mono, at <see cref="SampleRate"/> Hz.</summary>
/// <param name="SampleRate">Samples per second (8000, 16000, 44100 or 48000).</param>
/// <param name="Samples">The samples; nobody writes to them after decoding.</param>
public sealed record WavAudio(int SampleRate, ReadOnlyMemory<short> Samples)
{
    /// <summary>How long the audio plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
