namespace Switchboard.Media.Prompts;

/// <summary>Decoded WAV audio: 16-bit linear PCM, mono (channels averaged), at <see cref="SampleRate"/> Hz.</summary>
/// <param name="SampleRate">Samples per second (<see cref="WavReader.MinSampleRate"/> to <see cref="WavReader.MaxSampleRate"/>).</param>
/// <param name="Samples">The samples; nobody writes to them after decoding.</param>
public sealed record WavAudio(int SampleRate, ReadOnlyMemory<short> Samples)
{
    /// <summary>How long the audio plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
