using Switchboard.Media.Codecs;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

public sealed class ReclockBufferTests
{
    private readonly byte[] _frame = new byte[ReclockBuffer.FrameBytes];

    [Fact]
    public void Reordered_StartsAtTheDepth_AndTakesInSequenceOrder()
    {
        var buffer = new ReclockBuffer(3);

        Assert.True(Add(buffer, 11));
        Assert.True(Add(buffer, 10)); // earlier frame after a later one, before playout: becomes the start
        Assert.False(Take(buffer, out _)); // two held, depth three: still filling
        Assert.True(Add(buffer, 12));

        Assert.Equal(new[] { 10, 11, 12 }, TakeAll(buffer, 3));
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void MissingFrame_ItsTickSendsNothing_AndItIsDroppedWhenItComesLate()
    {
        var buffer = new ReclockBuffer(2);
        Add(buffer, 1);
        Add(buffer, 2);
        Add(buffer, 4);

        Assert.True(Take(buffer, out var first) && first == 1);
        Assert.True(Take(buffer, out var second) && second == 2);
        Assert.False(Take(buffer, out _)); // 3's tick: lost
        Assert.Equal(1, buffer.Lost);
        Assert.False(Add(buffer, 3)); // its tick has passed
        Assert.Equal(1, buffer.Late);
        Assert.False(Add(buffer, 4)); // duplicate
        Assert.Equal(2, buffer.Late);
        Assert.True(Take(buffer, out var fourth) && fourth == 4);
    }

    [Fact]
    public void BurstBeyondCapacity_DropsTheOldest_SoTheDelayStaysBounded()
    {
        var buffer = new ReclockBuffer(2); // capacity 4
        for (var sequence = 100; sequence < 110; sequence++)
        {
            Add(buffer, sequence);
        }

        Assert.Equal(4, buffer.Capacity);
        Assert.Equal(4, buffer.Count);
        Assert.Equal(6, buffer.Overflow);
        Assert.Equal(new[] { 106, 107, 108, 109 }, TakeAll(buffer, 4));
    }

    [Fact]
    public void RunDry_FillsToTheDepthAgain_AndMarksTheNextTalkspurt()
    {
        var buffer = new ReclockBuffer(2);
        Add(buffer, 65534);
        Add(buffer, 65535);
        Assert.True(buffer.TryTake(_frame, out var marker) && marker);
        Assert.True(buffer.TryTake(_frame, out marker) && !marker);
        Assert.False(buffer.TryTake(_frame, out _)); // dry

        Add(buffer, 2); // the source resumes after a pause, past the sequence wrap
        Assert.False(buffer.TryTake(_frame, out _));
        Add(buffer, 3);
        Assert.True(buffer.TryTake(_frame, out marker) && marker);
        Assert.Equal(2, _frame[0]);
    }

    [Fact]
    public void NewSourceSsrc_StartsAfresh()
    {
        var buffer = new ReclockBuffer(1);
        Add(buffer, 500);
        Add(buffer, 501);
        Assert.True(buffer.TryAdd(0x2222, 7, Frame(7), AudioCodec.Pcmu, AudioCodec.Pcmu));

        Assert.Equal(1, buffer.Count);
        Assert.True(buffer.TryTake(_frame, out var marker) && marker);
        Assert.Equal(7, _frame[0]);
    }

    [Fact]
    public void Frames_AreTranscodedIntoTheLegsCodec_AndOtherSizesAreRefused()
    {
        var buffer = new ReclockBuffer(1);
        var ulaw = new byte[ReclockBuffer.FrameBytes];
        ulaw.AsSpan().Fill(G711.MuLawEncode(-2000));

        Assert.False(buffer.TryAdd(1, 1, new byte[240], AudioCodec.Pcmu, AudioCodec.Pcma)); // 30 ms: relayed as it comes instead
        Assert.True(buffer.TryAdd(1, 1, ulaw, AudioCodec.Pcmu, AudioCodec.Pcma));
        Assert.True(buffer.TryTake(_frame, out _));
        Assert.All(_frame, b => Assert.Equal(G711.ALawEncode(G711.MuLawDecode(G711.MuLawEncode(-2000))), b));
    }

    [Fact]
    public void AddAndTake_AllocateNothing()
    {
        var buffer = new ReclockBuffer(3);
        var payload = Frame(1);
        for (var i = 0; i < 100; i++)
        {
            buffer.TryAdd(1, (ushort)i, payload, AudioCodec.Pcmu, AudioCodec.Pcma);
            buffer.TryTake(_frame, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100; i < 10_100; i++)
        {
            buffer.TryAdd(1, (ushort)(i + (i % 3 == 0 ? 1 : i % 3 == 1 ? -1 : 0)), payload, AudioCodec.Pcmu, AudioCodec.Pcma);
            buffer.TryTake(_frame, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Frame(int sequence)
    {
        var frame = new byte[ReclockBuffer.FrameBytes];
        frame.AsSpan().Fill((byte)sequence);
        return frame;
    }

    private static bool Add(ReclockBuffer buffer, int sequence) =>
        buffer.TryAdd(0x1111, (ushort)sequence, Frame(sequence), AudioCodec.Pcmu, AudioCodec.Pcmu);

    private bool Take(ReclockBuffer buffer, out int sequence)
    {
        var taken = buffer.TryTake(_frame, out _);
        sequence = taken ? _frame[0] : -1;
        return taken;
    }

    private int[] TakeAll(ReclockBuffer buffer, int count)
    {
        var taken = new int[count];
        for (var i = 0; i < count; i++)
        {
            Assert.True(Take(buffer, out var sequence));
            taken[i] = sequence;
        }

        return taken;
    }
}
