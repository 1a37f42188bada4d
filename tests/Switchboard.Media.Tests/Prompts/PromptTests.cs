using Switchboard.Media.Codecs;
using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class PromptTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(8000, 50)]
    public void FrameCount_RoundsUpToWholeFrames(int samples, int frames)
    {
        var prompt = new Prompt("p", new short[samples]);

        Assert.Equal(frames, prompt.FrameCount);
        Assert.Equal(frames * 160, prompt.Encoded(AudioCodec.Pcmu).Length);
        Assert.Equal(TimeSpan.FromMilliseconds(20 * frames), prompt.Duration);
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void Encoded_MatchesG711AndPadsLastFrameWithSilence(AudioCodec codec)
    {
        var samples = Signal.Sine(440, 8000, 0.03); // 240 samples: 1.5 frames
        var prompt = new Prompt("tone", samples);

        var encoded = prompt.Encoded(codec);

        var expected = new byte[240];
        G711.Encode(codec, samples, expected);
        Assert.Equal(expected, encoded[..240].ToArray());
        Assert.All(encoded[240..].ToArray(), b => Assert.Equal(G711.Silence(codec), b));
    }

    [Fact]
    public void Constructor_CopiesSamples_SoTheCallerCannotChangeASharedPrompt()
    {
        short[] samples = [100, 200];
        var prompt = new Prompt("p", samples);

        samples[0] = 0;

        Assert.Equal(100, prompt.Samples[0]);
    }

    [Fact]
    public void FromFile_44kHzFile_ResampledTo8kHz()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sb-prompt-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, WavBuilder.Pcm16(44100, Signal.Sine(1000, 44100, 0.5)));
        try
        {
            var prompt = Prompt.FromFile("tone", path);

            Assert.Equal(4000, prompt.Samples.Length);
            Assert.InRange(Signal.ToneAmplitude(prompt.Samples[400..3600], 1000, 8000), 15000, 16500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_NineChannels_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sb-nine-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, WavBuilder.Pcm16(8000, new short[9 * 160], channels: 9));
        try
        {
            var error = Assert.Throws<WavFormatException>(() => Prompt.FromFile("nine", path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
