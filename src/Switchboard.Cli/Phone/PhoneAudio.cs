using Switchboard.Media.Playback;
using Switchboard.Media.Prompts;

namespace Switchboard.Cli.Phone;

/// <summary>What a built-in phone sends as its voice: a sine tone or a WAV file (read by the media layer's prompt loader), looped.</summary>
internal sealed class PhoneAudio
{
    private readonly Prompt _prompt;

    private PhoneAudio(Prompt prompt, string description)
    {
        _prompt = prompt;
        Description = description;
    }

    /// <summary>For messages: "440 Hz tone" or the file name.</summary>
    public string Description { get; }

    /// <summary>A one-second sine at <paramref name="hertz"/> (8 kHz, a quarter of full scale), looped seamlessly.</summary>
    public static PhoneAudio Tone(int hertz)
    {
        if (hertz is < 50 or > 3900)
        {
            throw new ArgumentOutOfRangeException(nameof(hertz), hertz, "a tone must be between 50 and 3900 Hz");
        }

        var samples = new short[8000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hertz * i / 8000.0));
        }

        return new PhoneAudio(new Prompt($"tone-{hertz}", samples), $"{hertz} Hz tone");
    }

    /// <summary>A WAV file in any format the prompt loader reads; throws <see cref="WavFormatException"/> or <see cref="IOException"/> when it cannot be read.</summary>
    public static PhoneAudio File(string path) => new(Prompt.FromFile(Path.GetFileNameWithoutExtension(path), path), Path.GetFileName(path));

    /// <summary>A new looping source for one call.</summary>
    public IAudioSource CreateSource() => new LoopingSource(_prompt);
}
