using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Clock;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Clock;

public sealed class MediaClockTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void RunDueTicks_SixtyMilliseconds_TicksEveryStreamThreeTimesInOrder()
    {
        var clock = new MediaClock(_time);
        var a = new RecordingStream();
        var b = new RecordingStream();
        clock.Register(a);
        clock.Register(b);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Equal(0, clock.RunDueTicks());
        _time.Advance(TimeSpan.FromMilliseconds(41));
        Assert.Equal(3, clock.RunDueTicks());

        Assert.Equal([1, 2, 3], a.Ticks);
        Assert.Equal([1, 2, 3], b.Ticks);
        Assert.Equal(2, clock.StreamCount);
    }

    [Fact]
    public void RunDueTicks_ShortStall_CatchesUpEveryFrame()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream();
        clock.Register(stream);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMilliseconds(90));
        clock.RunDueTicks();

        Assert.Equal([1, 2, 3, 4], stream.Ticks);
        Assert.Equal(0, clock.GetMetrics().SkippedTicks);
    }

    [Fact]
    public void RunDueTicks_LongStall_SkipsBacklogAndCountsIt()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream();
        clock.Register(stream);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromSeconds(1));
        clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        clock.RunDueTicks();

        Assert.Equal([50, 51], stream.Ticks);
        Assert.Equal(49, clock.GetMetrics().SkippedTicks);
    }

    [Fact]
    public void RunDueTicks_LateTicks_RecordsLatenessOnTheMeter()
    {
        using var meter = new Meter("test.media.clock");
        using var lateness = new MetricCollector<double>(meter, "switchboard.media.clock.lateness");
        var clock = new MediaClock(_time, meter: meter);
        clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(27));
        clock.RunDueTicks(); // tick 2 due at 40 ms, run at 47 ms

        var metrics = clock.GetMetrics();
        Assert.Equal(2, metrics.Ticks);
        Assert.Equal(7, metrics.LatenessMaxMs, 3);
        Assert.Equal(3.5, metrics.LatenessMeanMs, 3);
        Assert.Equal([0, 0.007], lateness.GetMeasurementSnapshot().Select(m => Math.Round(m.Value, 6)));
        Assert.Equal("s", lateness.Instrument!.Unit);
    }

    [Fact]
    public void RunDueTicks_ThrowingStream_CountsTheSwallowedError()
    {
        using var meter = new Meter("test.media.clock");
        using var errors = new MetricCollector<long>(meter, "switchboard.media.clock.stream_errors");
        var clock = new MediaClock(_time, meter: meter);
        clock.Register(new ThrowingStream());
        clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(40));
        clock.RunDueTicks();

        errors.RecordObservableInstruments();
        Assert.Equal(2, errors.LastMeasurement?.Value);
        Assert.Equal(2, clock.GetMetrics().StreamErrors);
    }

    [Fact]
    public void RunDueTicks_ThrowingStream_OtherStreamsStillTick()
    {
        var clock = new MediaClock(_time);
        var good = new RecordingStream();
        clock.Register(new ThrowingStream());
        clock.Register(good);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMilliseconds(40));
        clock.RunDueTicks();

        Assert.Equal([1, 2], good.Ticks);
    }

    [Fact]
    public void Unregister_Stream_NoLongerTicked()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream();
        clock.Register(stream);
        clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        clock.RunDueTicks();

        clock.Unregister(stream);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        clock.RunDueTicks();

        Assert.Equal([1], stream.Ticks);
        Assert.Equal(0, clock.StreamCount);
    }

    [Fact]
    public async Task Start_LoopOnFakeTime_TicksAsTimeAdvances()
    {
        await using var clock = new MediaClock(_time);
        var stream = new SignallingStream();
        clock.Register(stream);
        clock.Start();

        for (var i = 1; i <= 5; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            await stream.Ticked.WaitAsync().DefaultTimeout();
        }

        Assert.Equal(5, clock.CurrentTick);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(0, 0)]
    public async Task Start_OnSystemClock_DedicatedThreadTicksInOrderAndStopsOnDispose(int spinWindowMs, int realtimePriority)
    {
        var options = new MediaClockOptions { SpinWindow = TimeSpan.FromMilliseconds(spinWindowMs), RealtimePriority = realtimePriority };
        var clock = new MediaClock(TimeProvider.System, options);
        var stream = new SignallingStream();
        clock.Register(stream);
        clock.Start();

        for (var i = 1; i <= 5; i++)
        {
            await stream.Ticked.WaitAsync().DefaultTimeout();
        }

        await clock.DisposeAsync().AsTask().DefaultTimeout();
        var ticksAtStop = clock.CurrentTick;
        var metrics = clock.GetMetrics();

        Assert.True(ticksAtStop >= 5, $"ticks {ticksAtStop}");
        Assert.Equal(ticksAtStop, metrics.Ticks + metrics.SkippedTicks);
        Assert.Equal(ticksAtStop, clock.CurrentTick); // nothing runs after the clock stopped
        if (realtimePriority == 0)
        {
            Assert.False(clock.RealtimeScheduling); // asked for nothing, got nothing (granted or not depends on CAP_SYS_NICE)
        }
    }

    [Fact]
    public async Task Start_OnSystemClock_WithoutStreams_SleepsThenResumesAtTheCurrentTickWithoutSkipping()
    {
        var clock = new MediaClock(TimeProvider.System, new MediaClockOptions { RealtimePriority = 0 });
        clock.Start();

        // More than MaxCatchUp (100 ms) passes with no stream: another clock's ten ticks measure it.
        var pacer = new MediaClock(TimeProvider.System, new MediaClockOptions { RealtimePriority = 0 });
        var pace = new SignallingStream();
        pacer.Register(pace);
        pacer.Start();
        for (var i = 0; i < 10; i++)
        {
            await pace.Ticked.WaitAsync().DefaultTimeout();
        }

        await pacer.DisposeAsync().AsTask().DefaultTimeout();
        Assert.Equal(0, clock.GetMetrics().Ticks); // an idle clock runs no tick (no 50 Hz wake-up)

        var stream = new SignallingStream();
        clock.Register(stream);
        await stream.Ticked.WaitAsync().DefaultTimeout();
        await stream.Ticked.WaitAsync().DefaultTimeout();
        await clock.DisposeAsync().AsTask().DefaultTimeout();

        Assert.Equal(0, clock.GetMetrics().SkippedTicks); // the idle time is not a backlog
        Assert.True(clock.CurrentTick >= 10, $"tick {clock.CurrentTick}"); // numbered from the start, as before
    }

    [Fact]
    public void RunDueTicks_ManyStreamsInParallelSlices_TicksEachStreamOncePerTick()
    {
        var clock = new MediaClock(_time, new MediaClockOptions { Parallelism = 4, ParallelThreshold = 10 });
        var streams = Enumerable.Range(0, 1001).Select(_ => new RecordingStream()).ToList();
        streams.ForEach(clock.Register);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMilliseconds(40));
        clock.RunDueTicks();

        Assert.All(streams, s => Assert.Equal([1, 2], s.Ticks));
    }

    private sealed class RecordingStream : IMediaClockStream
    {
        public List<long> Ticks { get; } = [];

        public void OnTick(long tick) => Ticks.Add(tick);
    }

    private sealed class ThrowingStream : IMediaClockStream
    {
        public void OnTick(long tick) => throw new InvalidOperationException("broken stream");
    }

    private sealed class SignallingStream : IMediaClockStream
    {
        public SemaphoreSlim Ticked { get; } = new(0);

        public void OnTick(long tick) => Ticked.Release();
    }
}
