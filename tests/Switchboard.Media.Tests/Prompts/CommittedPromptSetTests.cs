using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

/// <summary>The prompt set committed in dialplans/prompts, as the server will load it.</summary>
public sealed class CommittedPromptSetTests
{
    public static TheoryData<string> WavFiles() => [.. PromptFiles.AllWavFiles().Select(f => Path.GetRelativePath(PromptFiles.Directory, f))];

    public static TheoryData<string, string> AgreedNamesPerLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in PromptFiles.Languages)
        {
            foreach (var name in PromptFiles.AgreedNames)
            {
                data.Add(language, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WavFiles))]
    public void File_Is8kHzMonoPcm_NotSilent_OfReasonableLength(string relativePath)
    {
        var audio = WavReader.ReadFile(Path.Combine(PromptFiles.Directory, relativePath));

        Assert.Equal(8000, audio.SampleRate);
        var isMusic = Path.GetFileNameWithoutExtension(relativePath) == "music_on_hold";
        var (min, max) = isMusic ? (20.0, 30.0) : (0.2, 25.0);
        Assert.InRange(audio.Duration.TotalSeconds, min, max);
        var rms = Signal.Rms(audio.Samples.Span);
        Assert.True(rms > 500, $"{relativePath} is nearly silent (RMS {rms:0})");
        var peak = audio.Samples.ToArray().Max(s => Math.Abs((int)s));
        Assert.True(peak < 32000, $"{relativePath} clips (peak {peak})");
    }

    [Theory]
    [MemberData(nameof(AgreedNamesPerLanguage))]
    public void AgreedName_ExistsInLanguage(string language, string name)
    {
        Assert.True(PromptFiles.Set.TryGet(name, language, out var prompt), $"{language}/{name} missing");
        if (name != "music_on_hold")
        {
            Assert.Contains(name, PromptFiles.Set.Names(language)); // a real file in that language, not the sv fallback
        }

        Assert.True(prompt.FrameCount > 0);
    }

    [Fact]
    public void Set_HasNoNamesOutsideTheAgreedList()
    {
        var extra = PromptFiles.Languages.SelectMany(l => PromptFiles.Set.Names(l).Select(n => $"{l}/{n}"))
            .Concat(PromptFiles.Set.SharedNames)
            .Where(n => !PromptFiles.AgreedNames.Contains(n.Split('/')[^1]));

        Assert.Empty(extra);
    }

    [Fact]
    public void MusicOnHold_IsWholeFramesAndLoopsWithoutAClick()
    {
        var music = PromptFiles.Set.Get("music_on_hold", "sv");

        Assert.Equal(0, music.Samples.Length % Prompt.FrameSize);
        // Both ends fade to (near) zero, so wrapping from the last sample to the first is not a step (a click).
        Assert.InRange(music.Samples[0], -300, 300);
        Assert.InRange(music.Samples[^1], -300, 300);
        Assert.True(Signal.Rms(music.Samples[^160..]) < 300, "the last 20 ms should have faded out");
    }

    [Fact]
    public void Manifest_EveryLineBecameAFile()
    {
        var manifest = Path.Combine(PromptFiles.Directory, "..", "..", "tools", "prompts", "manifest.txt");
        var lines = File.ReadLines(manifest).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('|')).ToList();

        Assert.All(lines, parts => Assert.True(File.Exists(Path.Combine(PromptFiles.Directory, parts[0], parts[1] + ".wav")), string.Join('|', parts)));
        Assert.Equal(PromptFiles.AgreedNames.Length - 1, lines.Count(p => p[0] == "sv"));
        Assert.Equal(PromptFiles.AgreedNames.Length - 1, lines.Count(p => p[0] == "en"));
    }
}
