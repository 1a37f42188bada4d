using Switchboard.Media.Codecs;
using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class PromptPlayerTests
{
    private static Prompt Constant(string name, int samples, short value) =>
        new(name, Enumerable.Repeat(value, samples).ToArray());

    [Fact]
    public void TryReadFrame_Playlist_ExactFrameCountAndLastFramesPadded()
    {
        var a = Constant("a", 330, 8000);  // 3 frames, last holds 10 samples
        var b = Constant("b", 160, -8000); // exactly 1 frame
        var player = new PromptPlayer(a, b);
        var frame = new byte[160];
        var frames = new List<byte[]>();

        while (player.TryReadFrame(AudioCodec.Pcmu, frame))
        {
            frames.Add(frame.ToArray());
        }

        Assert.Equal(4, frames.Count);
        Assert.Equal(4, player.TotalFrames);
        Assert.Equal(4, player.FramesPlayed);
        Assert.True(player.IsFinished);
        Assert.False(player.IsStopped);
        var high = G711.MuLawEncode(8000);
        var low = G711.MuLawEncode(-8000);
        Assert.All(frames[0], x => Assert.Equal(high, x));
        Assert.All(frames[2][..10], x => Assert.Equal(high, x));
        Assert.All(frames[2][10..], x => Assert.Equal(G711.Silence(AudioCodec.Pcmu), x));
        Assert.All(frames[3], x => Assert.Equal(low, x));
    }

    [Fact]
    public void TryReadFrame_Pcma_ReadsTheALawEncoding()
    {
        var prompt = Constant("a", 160, 1234);
        var player = new PromptPlayer(prompt);
        var frame = new byte[160];

        Assert.True(player.TryReadFrame(AudioCodec.Pcma, frame));

        Assert.Equal(prompt.Encoded(AudioCodec.Pcma).ToArray(), frame);
    }

    [Fact]
    public void TryReadFrame_AfterEnd_KeepsReturningFalse()
    {
        var player = new PromptPlayer(Constant("a", 10, 1));
        var frame = new byte[160];

        Assert.True(player.TryReadFrame(AudioCodec.Pcmu, frame));
        Assert.False(player.TryReadFrame(AudioCodec.Pcmu, frame));
        Assert.False(player.TryReadFrame(AudioCodec.Pcmu, frame));
    }

    [Fact]
    public void Stop_MidPlaylist_NextReadReturnsFalse()
    {
        var player = new PromptPlayer(Constant("a", 1600, 1), Constant("b", 1600, 2));
        var frame = new byte[160];
        Assert.True(player.TryReadFrame(AudioCodec.Pcmu, frame));

        player.Stop();
        player.Stop();

        Assert.False(player.TryReadFrame(AudioCodec.Pcmu, frame));
        Assert.True(player.IsStopped);
        Assert.True(player.IsFinished);
        Assert.Equal(1, player.FramesPlayed);
    }

    [Fact]
    public void TryReadFrame_EmptyPlaylistOrEmptyPrompts_FinishesAtOnce()
    {
        var frame = new byte[160];

        Assert.False(new PromptPlayer().TryReadFrame(AudioCodec.Pcmu, frame));
        Assert.False(new PromptPlayer(new Prompt("empty", [])).TryReadFrame(AudioCodec.Pcmu, frame));
    }

    [Fact]
    public void TryReadFrame_ShortBuffer_ThrowsArgumentException()
    {
        var player = new PromptPlayer(Constant("a", 160, 1));

        Assert.Throws<ArgumentException>(() => player.TryReadFrame(AudioCodec.Pcmu, new byte[80]));
    }

    [Fact]
    public void TryReadFrame_WholePlaylist_AllocatesNothing()
    {
        var player = new PromptPlayer(Constant("a", 16000, 5), Constant("b", 8001, 6), Constant("c", 100, 7));
        var frame = new byte[160];
        player.TryReadFrame(AudioCodec.Pcmu, frame); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = 0;
        while (player.TryReadFrame(frames % 2 == 0 ? AudioCodec.Pcma : AudioCodec.Pcmu, frame))
        {
            frames++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(100 + 51 + 1 - 1, frames);
    }

    [Fact]
    public void Rewind_AfterStop_PlaysTheWholePlaylistAgain()
    {
        var player = new PromptPlayer(Constant("a", 320, 1), Constant("b", 1, 2));
        var frame = new byte[160];
        Assert.True(player.TryReadFrame(AudioCodec.Pcmu, frame));
        player.Stop();

        player.Rewind();

        var frames = 0;
        while (player.TryReadFrame(AudioCodec.Pcmu, frame))
        {
            frames++;
        }

        Assert.Equal(3, frames);
        Assert.False(player.IsStopped);
    }
}
