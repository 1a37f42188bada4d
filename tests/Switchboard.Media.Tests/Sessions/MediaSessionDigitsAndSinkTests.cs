using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Playback;
using Switchboard.Media.Prompts;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>Two real legs on loopback: one presses keys (RFC 4733) and plays a tone, the other detects and records.</summary>
public sealed class MediaSessionDigitsAndSinkTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public MediaSessionDigitsAndSinkTests() =>
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998 }, _time);

    [Fact]
    public async Task SendDigits_ToAnotherLeg_EachKeyDetectedOnceInOrder()
    {
        var (caller, callee) = await ConnectAsync();
        await using var _ = caller;
        await using var __ = callee;
        var heard = new List<char>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        callee.DigitReceived += (_, d) =>
        {
            lock (heard)
            {
                heard.Add(d.Digit);
                Assert.Equal(DtmfSource.Rfc4733, d.Source);
                if (heard.Count == 4)
                {
                    all.TrySetResult();
                }
            }
        };

        Assert.True(caller.SendDigits("1*#9"));
        Assert.Equal(4, caller.PendingDigits);
        // Each key: 5 ticks held + 2 more end packets + 5 ticks of gap; run past all four.
        for (var i = 0; i < 4 * (MediaSession.DtmfKeyFrames + 2 + MediaSession.DtmfGapFrames) + 5; i++)
        {
            Tick();
        }

        await all.Task.DefaultTimeout();
        Assert.Equal(0, caller.PendingDigits);
        lock (heard)
        {
            Assert.Equal("1*#9", new string([.. heard]));
        }
    }

    [Fact]
    public async Task SendDigits_NotAKey_QueuesNothing()
    {
        var (caller, callee) = await ConnectAsync();
        await using var _ = caller;
        await using var __ = callee;

        Assert.False(caller.SendDigits("1x"));
        Assert.Equal(0, caller.PendingDigits);
    }

    [Fact]
    public async Task Sink_PeerPlaysTone_ReceivesTheDecodedTone()
    {
        var (caller, callee) = await ConnectAsync();
        await using var _ = caller;
        await using var __ = callee;
        var sink = new CollectingSink(8000);
        callee.Sink = sink;
        var tone = new short[8000];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 660 * i / 8000.0));
        }

        caller.Play(new LoopingSource(new Prompt("tone", tone)));
        for (var i = 0; i < 60; i++)
        {
            Tick();
        }

        await sink.Full.DefaultTimeout();
        var recording = new PcmRecording(8000, sink.Samples());
        Assert.True(recording.ToneRatio(660) > 0.9, $"660 Hz share {recording.ToneRatio(660):0.00}");
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private async Task<(MediaSession Caller, MediaSession Callee)> ConnectAsync()
    {
        var caller = _engine.CreateSession(startClock: false);
        var callee = _engine.CreateSession(startClock: false);
        var answer = callee.AcceptOffer(caller.CreateOffer());
        Assert.True(answer.IsAccepted, answer.FailureReason);
        Assert.True(caller.AcceptAnswer(answer.Answer!.ToString()).IsAccepted);
        _engine.Clock.RunDueTicks();
        await Task.CompletedTask;
        return (caller, callee);
    }

    private void Tick()
    {
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();
    }

    private sealed class CollectingSink(int wanted) : IAudioSink
    {
        private readonly List<short> _samples = [];
        private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Full => _full.Task;

        public short[] Samples()
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }

        public void Write(ReadOnlySpan<short> samples)
        {
            lock (_samples)
            {
                _samples.AddRange(samples);
                if (_samples.Count >= wanted)
                {
                    _full.TrySetResult();
                }
            }
        }
    }
}
