using Switchboard.Media.Prompts;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Prompts;

/// <summary>
/// Prompt files as authors hand them in (44.1 kHz stereo 24-bit, 48 kHz 32-bit float, 22.05 kHz 8-bit) load to the
/// same 8 kHz audio as the source: normalised correlation with the bundled greeting close to 1 at lag 0.
/// </summary>
public sealed class PromptFormatTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-formats-" + Guid.NewGuid().ToString("N")[..10]);

    public PromptFormatTests() => Directory.CreateDirectory(_directory);

    [Theory]
    [InlineData(44100, 2, 24)]
    [InlineData(48000, 1, 32)]
    [InlineData(44100, 2, 32)]
    [InlineData(22050, 1, 24)]
    public void FromFile_GreetingInAuthorsFormat_CorrelatesWithTheSource(int rate, int channels, int bits)
    {
        var source = WavReader.ReadFile(Path.Combine(RepositoryPaths.Dialplans, "prompts", "sv", "greeting.wav"));
        Assert.Equal(8000, source.SampleRate);
        var path = Path.Combine(_directory, $"greeting-{rate}-{channels}-{bits}.wav");
        WavFiles.Write(path, source.Samples.Span, rate, channels, bits);

        var prompt = Prompt.FromFile("greeting", path);

        var correlation = Correlation(source.Samples.Span, prompt.Samples);
        Assert.True(correlation > 0.97, $"{rate} Hz {channels} ch {bits}-bit: correlation {correlation:0.0000}");
        Assert.InRange(prompt.Duration.TotalSeconds, source.Duration.TotalSeconds - 0.03, source.Duration.TotalSeconds + 0.03);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        var n = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < n; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
