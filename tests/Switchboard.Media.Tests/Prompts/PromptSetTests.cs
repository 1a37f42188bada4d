using Switchboard.Media.Codecs;
using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class PromptSetTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sb-prompts-{Guid.NewGuid():N}");

    public PromptSetTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sv"));
        Directory.CreateDirectory(Path.Combine(_directory, "en"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string relativePath, int sampleRate = 8000, double seconds = 0.1, double frequency = 440) =>
        File.WriteAllBytes(Path.Combine(_directory, relativePath), WavBuilder.Pcm16(sampleRate, Signal.Sine(frequency, sampleRate, seconds)));

    [Fact]
    public void Get_OwnLanguageFirst_ThenSvFallback_ThenShared()
    {
        Write("sv/greeting.wav", seconds: 0.2);
        Write("en/greeting.wav", seconds: 0.4);
        Write("sv/lunch.wav", seconds: 0.6);
        Write("music_on_hold.wav", seconds: 1.0);
        var set = PromptSet.Load(_directory);

        Assert.Equal(20, set.Get("greeting", "en").FrameCount);
        Assert.Equal(10, set.Get("greeting", "sv").FrameCount);
        Assert.Equal(30, set.Get("lunch", "en").FrameCount);
        Assert.Equal(50, set.Get("music_on_hold", "en").FrameCount);
        Assert.Equal(50, set.Get("music_on_hold", "sv").FrameCount);
        Assert.Equal(10, set.Get("greeting", "de").FrameCount);
        Assert.Equal(10, set.Get("GREETING", "SV").FrameCount);
    }

    [Fact]
    public void Get_MissingName_ThrowsNamingPromptLanguageAndFolders()
    {
        Write("sv/greeting.wav");
        var set = PromptSet.Load(_directory);

        var error = Assert.Throws<PromptNotFoundException>(() => set.Get("menu_mian", "en"));

        Assert.Equal("menu_mian", error.Name);
        Assert.Contains("'menu_mian'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'en'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, "en"), error.Message, StringComparison.Ordinal);
        Assert.False(set.TryGet("menu_mian", "en", out _));
    }

    [Fact]
    public void Load_ResamplesRecordingsInOtherRates()
    {
        Write("sv/greeting.wav", sampleRate: 48000, seconds: 1.0, frequency: 1000);

        var prompt = PromptSet.Load(_directory).Get("greeting", "sv");

        Assert.Equal(8000, prompt.Samples.Length);
        Assert.Equal(50, prompt.FrameCount);
    }

    [Fact]
    public void Load_BadFiles_ThrowsListingEveryOne()
    {
        Write("sv/greeting.wav");
        File.WriteAllBytes(Path.Combine(_directory, "sv", "closed.wav"), WavBuilder.Pcm16(8000, new short[10], channels: 9));
        File.WriteAllText(Path.Combine(_directory, "en", "goodbye.wav"), "not audio");
        File.WriteAllText(Path.Combine(_directory, "en", "README.txt"), "ignored");

        var error = Assert.Throws<PromptLoadException>(() => PromptSet.Load(_directory));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains(Path.Combine("sv", "closed.wav"), StringComparison.Ordinal) && e.Contains("channels", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains(Path.Combine("en", "goodbye.wav"), StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsDirectoryNotFound()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => PromptSet.Load(Path.Combine(_directory, "nope")));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_NewFiles_SwappedInAndOldPromptsKeepPlaying()
    {
        Write("sv/greeting.wav", seconds: 0.2);
        var library = PromptLibrary.Load(_directory);
        var playing = library.CreatePlayer("sv", "greeting");
        Write("sv/greeting.wav", seconds: 0.4);

        library.Reload();

        Assert.Equal(20, library.Get("greeting", "sv").FrameCount);
        Assert.Equal(10, playing.TotalFrames);
    }

    [Fact]
    public void Reload_BrokenDirectory_KeepsTheOldSet()
    {
        Write("sv/greeting.wav", seconds: 0.2);
        var library = PromptLibrary.Load(_directory);
        File.WriteAllText(Path.Combine(_directory, "sv", "greeting.wav"), "broken");

        Assert.Throws<PromptLoadException>(() => library.Reload());

        Assert.Equal(10, library.Get("greeting", "sv").FrameCount);
    }

    [Fact]
    public void CreateLoop_MusicOnHold_LoopsTheSharedFile()
    {
        Write("music_on_hold.wav", seconds: 0.04);
        var library = PromptLibrary.Load(_directory);

        var loop = library.CreateLoop("music_on_hold", "en");

        var frame = new byte[160];
        for (var i = 0; i < 5; i++)
        {
            Assert.True(loop.TryReadFrame(AudioCodec.Pcmu, frame));
        }

        Assert.Equal(2, loop.Loops);
    }

    [Fact]
    public void FindMissing_ListsOnlyNamesThatResolveNowhere()
    {
        Write("sv/greeting.wav");
        Write("en/goodbye.wav");
        Write("music_on_hold.wav");
        var set = PromptSet.Load(_directory);

        var missing = set.FindMissing(["greeting", "goodbye", "music_on_hold", "lunch"], ["sv", "en"]);

        Assert.Equal(["sv/goodbye", "sv/lunch", "en/lunch"], missing);
    }
}
