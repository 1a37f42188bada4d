using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// The greeting handed in as authors deliver it (44.1 kHz stereo 24-bit; 48 kHz 32-bit float), loaded by the real
/// server (NAudio reads it, our resampler takes it to 8 kHz): a real baresip caller's recording must correlate with the
/// original 8 kHz greeting as it does for the bundled file (GreetingInteropTests).
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class PromptFormatInteropTests(ITestOutputHelper output) : IDisposable
{
    private const double RequiredPeak = 0.6;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-pf-" + Guid.NewGuid().ToString("N")[..10]);

    [Theory]
    [InlineData(44100, 2, 24)]
    [InlineData(48000, 1, 32)]
    public async Task Greeting_InAuthorsFormat_CallerHearsTheGreeting(int rate, int channels, int bits)
    {
        var greeting = PcmRecording.Read(Path.Combine(RepositoryPaths.Dialplans, "prompts", "sv", "greeting.wav"));
        var dialplan = PromptsWithGreeting(greeting, rate, channels, bits);

        await using var server = await MediaInteropServer.StartAsync(dialplan);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0703334466", Record = true }).DefaultTimeout();
        await caller.DialAsync(server.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var path = await caller.WaitForHeardAudioAsync(greeting.Duration + TimeSpan.FromSeconds(1.5)).WaitAsync(TimeSpan.FromSeconds(15));
        await caller.HangupAsync().DefaultTimeout();
        var heard = PcmRecording.Read(path);

        var match = AudioCorrelation.Best(heard.Samples, greeting.Samples);
        output.WriteLine($"{rate} Hz {channels} ch {bits}-bit: greeting peak {match.Peak:0.000} at lag {match.Lag / 8.0:0} ms");
        Assert.True(match.Peak > RequiredPeak, $"the recording should hold the greeting: correlation peak {match.Peak:0.000} (need > {RequiredPeak})");
        // Where in the recording the greeting starts depends on when the phone began recording and on the machine's load:
        // a figure (written above), not an assertion. The correlation peak over the whole greeting shows it was heard.
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // A copy of the bundled prompts with sv/greeting.wav rewritten in the format, and the fixture dialplan pointing at it.
    private string PromptsWithGreeting(PcmRecording greeting, int rate, int channels, int bits)
    {
        var prompts = Path.Combine(_directory, "prompts");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Dialplans, "prompts"), "*.wav", SearchOption.AllDirectories))
        {
            var target = Path.Combine(prompts, Path.GetRelativePath(Path.Combine(RepositoryPaths.Dialplans, "prompts"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        WavFiles.Write(Path.Combine(prompts, "sv", "greeting.wav"), greeting.Samples, rate, channels, bits);
        var yaml = File.ReadAllText(CallFlowHarness.FixtureDialplan)
            .Replace("prompt_dir: ../../../../dialplans/prompts", "prompt_dir: prompts", StringComparison.Ordinal);
        Assert.Contains("prompt_dir: prompts", yaml, StringComparison.Ordinal);
        var path = Path.Combine(_directory, "dialplan.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
