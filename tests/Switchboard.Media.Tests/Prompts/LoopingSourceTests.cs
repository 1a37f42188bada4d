using Switchboard.Media.Codecs;
using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class LoopingSourceTests
{
    [Fact]
    public void TryReadFrame_PastTheEnd_WrapsToTheFirstFrame()
    {
        var prompt = new Prompt("tune", Signal.Sine(440, 8000, 0.06)); // 3 frames
        var loop = new LoopingSource(prompt);
        var frame = new byte[160];

        for (var i = 0; i < 10; i++)
        {
            Assert.True(loop.TryReadFrame(AudioCodec.Pcma, frame));
            Assert.Equal(prompt.Frame(AudioCodec.Pcma, i % 3).ToArray(), frame);
        }

        Assert.Equal(10, loop.FramesPlayed);
        Assert.Equal(3, loop.Loops);
    }

    [Fact]
    public void Constructor_StartFrame_WrapsIntoRange()
    {
        var prompt = new Prompt("tune", Signal.Sine(440, 8000, 0.06));
        var loop = new LoopingSource(prompt, startFrame: 7);
        var frame = new byte[160];

        Assert.True(loop.TryReadFrame(AudioCodec.Pcmu, frame));

        Assert.Equal(prompt.Frame(AudioCodec.Pcmu, 1).ToArray(), frame);
    }

    [Fact]
    public void Stop_EndsTheLoop()
    {
        var loop = new LoopingSource(new Prompt("tune", new short[160]));
        var frame = new byte[160];
        Assert.True(loop.TryReadFrame(AudioCodec.Pcmu, frame));

        loop.Stop();

        Assert.False(loop.TryReadFrame(AudioCodec.Pcmu, frame));
    }

    [Fact]
    public void TryReadFrame_EmptyPrompt_ReturnsFalseInsteadOfSpinning()
    {
        Assert.False(new LoopingSource(new Prompt("empty", [])).TryReadFrame(AudioCodec.Pcmu, new byte[160]));
    }

    [Fact]
    public void TryReadFrame_ManyLoops_AllocatesNothing()
    {
        var loop = new LoopingSource(new Prompt("tune", Signal.Sine(440, 8000, 0.5)));
        var frame = new byte[160];
        loop.TryReadFrame(AudioCodec.Pcmu, frame);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            loop.TryReadFrame(AudioCodec.Pcmu, frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
