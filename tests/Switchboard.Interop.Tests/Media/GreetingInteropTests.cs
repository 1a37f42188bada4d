using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// A real baresip phone dials the running server and records what it hears (sndfile module); the recording must hold
/// the greeting prompt itself, found by normalised cross-correlation against the prompt's 8 kHz samples (after the
/// server's G.711 encoding and baresip's decoding), and must not match a prompt that was not played.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class GreetingInteropTests(ITestOutputHelper output)
{
    private const double RequiredPeak = 0.6;

    [Fact]
    public async Task Greeting_BaresipDialsIn_RecordingCorrelatesWithGreetingPrompt()
    {
        var greeting = PcmRecording.Read(Prompt("greeting"));
        var notPlayed = PcmRecording.Read(Prompt("goodbye"));
        Assert.Equal(8000, greeting.SampleRate);

        await using var server = await MediaInteropServer.StartAsync(CallFlowHarness.FixtureDialplan);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0703334455", Record = true }).DefaultTimeout();
        await caller.DialAsync(server.IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // The greeting plus 1.5 s of slack for the start of the call and the menu prompt after it.
        var path = await caller.WaitForHeardAudioAsync(greeting.Duration + TimeSpan.FromSeconds(1.5)).WaitAsync(TimeSpan.FromSeconds(15));
        await caller.HangupAsync().DefaultTimeout();
        var heard = PcmRecording.Read(path);
        Assert.Equal(8000, heard.SampleRate);

        var match = AudioCorrelation.Best(heard.Samples, greeting.Samples);
        var control = AudioCorrelation.Best(heard.Samples, notPlayed.Samples);
        output.WriteLine($"heard {heard.Duration.TotalSeconds:0.00} s, rms {heard.Rms():0}; greeting peak {match.Peak:0.000} at lag {match.Lag} samples ({match.Lag / 8.0:0} ms); 'goodbye' peak {control.Peak:0.000}");

        Assert.True(match.Peak > RequiredPeak, $"the recording should hold the greeting: correlation peak {match.Peak:0.000} (need > {RequiredPeak})");
        // Where in the recording the greeting starts depends on when the phone began recording and on the machine's load:
        // a figure (written above), not an assertion. The correlation peak over the whole greeting shows it was heard.
        Assert.True(control.Peak < match.Peak / 2, $"a prompt that was not played must not match: 'goodbye' peak {control.Peak:0.000} vs greeting {match.Peak:0.000}");
    }

    private static string Prompt(string name) => Path.Combine(RepositoryPaths.Root, "dialplans", "prompts", "sv", name + ".wav");
}
