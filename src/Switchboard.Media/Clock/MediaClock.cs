using System.Diagnostics.Metrics;

namespace Switchboard.Media.Clock;

/// <summary>
/// The one clock that paces all RTP sending: a single async loop wakes every 20 ms (through the injected
/// <see cref="TimeProvider"/>) and calls every registered stream. No timer or thread per call. Ticks are due at fixed
/// multiples of the period from the start, so lateness does not accumulate; a stall up to MaxCatchUp is caught up
/// by running the missed ticks at once, a longer one is skipped (counted in <see cref="MediaClockMetrics.SkippedTicks"/>).
/// Given a <see cref="Meter"/>, the clock publishes its pacing: the histogram <c>switchboard.media.clock.lateness</c>
/// (seconds each tick ran after its due time) and observable ticks, skipped ticks, stream errors, streams and worst lateness.
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>Bucket bounds of the lateness histogram, in seconds (0.5 ms to 100 ms; a tick is 20 ms).</summary>
    public static readonly IReadOnlyList<double> LatenessBucketsSeconds = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1];

    private readonly TimeProvider _timeProvider;
    private readonly MediaClockOptions _options;
    private readonly Lock _gate = new();
    private readonly Lock _figures = new();
    private readonly Histogram<double>? _lateness;
    private IMediaClockStream[] _streams = [];
    private long _start;
    private bool _started;
    private long _tick;
    private long _ticksRun;
    private long _skipped;
    private long _streamErrors;
    private double _latenessSumMs;
    private double _latenessMaxMs;
    private double _lastWorkMs;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ManualResetEventSlim _hasStreams = new(false);
    private ITimer? _timer;
    private CancellationTokenSource? _loopCancellation;
    private Task? _loop;

    /// <summary>Creates a clock; call <see cref="Start"/> to run the loop, or <see cref="RunDueTicks"/> to drive it by hand.</summary>
    /// <param name="timeProvider">The clock's time (a fake one in tests).</param>
    /// <param name="options">Period, catch-up and parallelism.</param>
    /// <param name="meter">Where the pacing instruments go; none when null.</param>
    public MediaClock(TimeProvider? timeProvider = null, MediaClockOptions? options = null, Meter? meter = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _options = options ?? new MediaClockOptions();
        if (_options.Period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The period must be positive.");
        }

        if (meter is not null)
        {
            _lateness = meter.CreateHistogram("switchboard.media.clock.lateness", "s", "Pacing error: how late each 20 ms tick ran after its due time.",
                tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBucketsSeconds });
            meter.CreateObservableCounter("switchboard.media.clock.ticks", () => GetMetrics().Ticks, "{tick}", "20 ms media clock ticks run.");
            meter.CreateObservableCounter("switchboard.media.clock.skipped_ticks", () => Interlocked.Read(ref _skipped), "{tick}",
                "Ticks dropped because the clock fell too far behind.");
            meter.CreateObservableCounter("switchboard.media.clock.stream_errors", () => Interlocked.Read(ref _streamErrors), "{error}",
                "Exceptions a stream threw on a tick (swallowed so one faulty call cannot stop the clock for the others).");
            meter.CreateObservableGauge("switchboard.rtp.streams", () => StreamCount, "{stream}", "RTP streams paced by the media clock now (one packet each per 20 ms tick).");
            meter.CreateObservableGauge("switchboard.media.clock.lateness_max", () => GetMetrics().LatenessMaxMs / 1000, "s", "Worst tick lateness since start.");
        }
    }

    /// <summary>The time provider the clock runs on.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>
    /// Whether the dedicated clock thread runs under the real-time FIFO policy (see
    /// <see cref="MediaClockOptions.RealtimePriority"/>); false until it started, and on other time providers.
    /// </summary>
    public bool RealtimeScheduling { get; private set; }

    /// <summary>Number of registered streams.</summary>
    public int StreamCount => Volatile.Read(ref _streams).Length;

    /// <summary>The last tick number run.</summary>
    public long CurrentTick => Interlocked.Read(ref _tick);

    /// <summary>Adds a stream; it gets its first call on the next tick.</summary>
    public void Register(IMediaClockStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            _streams = [.. _streams, stream];
            _hasStreams.Set();
        }
    }

    /// <summary>Removes a stream; it is not called after the current tick.</summary>
    public void Unregister(IMediaClockStream stream)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_streams, stream);
            if (index >= 0)
            {
                var copy = new IMediaClockStream[_streams.Length - 1];
                _streams.AsSpan(0, index).CopyTo(copy);
                _streams.AsSpan(index + 1).CopyTo(copy.AsSpan(index));
                _streams = copy;
                if (copy.Length == 0)
                {
                    _hasStreams.Reset();
                }
            }
        }
    }

    /// <summary>Starts the background loop (idempotent).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                return;
            }

            EnsureStarted();
            _loopCancellation = new CancellationTokenSource();
            var token = _loopCancellation.Token;
            if (ReferenceEquals(_timeProvider, TimeProvider.System))
            {
                // Real time: a dedicated thread, so a tick never queues behind thread-pool work.
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() => RunDedicated(token, done)) { IsBackground = true, Name = "media-clock" };
                _loop = done.Task;
                thread.Start();
                return;
            }

            // Other time providers (tests): one timer, re-armed for each tick's exact due time, wakes the loop; ticks
            // are computed from elapsed time.
            _timer = _timeProvider.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs every tick that is due now (normally one) and returns how many ran. The loop calls this; tests call it
    /// after advancing a FakeTimeProvider.
    /// </summary>
    public int RunDueTicks()
    {
        EnsureStarted();
        var elapsed = _timeProvider.GetElapsedTime(_start);
        var period = _options.Period;
        var due = (long)(elapsed.Ticks / period.Ticks);
        var ran = 0;
        while (_tick < due)
        {
            var next = _tick + 1;
            var lateness = elapsed - (period * next);
            if (lateness > _options.MaxCatchUp)
            {
                // Too far behind: drop the backlog and send only the current frame.
                Interlocked.Add(ref _skipped, due - next);
                next = due;
                lateness = elapsed - (period * next);
            }

            Interlocked.Exchange(ref _tick, next);
            RunTick(next, lateness);
            ran++;
        }

        return ran;
    }

    /// <summary>Takes a pacing snapshot (the lateness distribution is on the meter's histogram).</summary>
    public MediaClockMetrics GetMetrics()
    {
        lock (_figures)
        {
            return new MediaClockMetrics(_ticksRun, Interlocked.Read(ref _skipped), StreamCount, _latenessSumMs, _latenessMaxMs, _lastWorkMs,
                Interlocked.Read(ref _streamErrors));
        }
    }

    /// <summary>Stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _loopCancellation?.Cancel();
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _loopCancellation?.Dispose();
        _wake.Dispose(); // _hasStreams stays usable: a session may still unregister after the clock stopped
    }

    private void EnsureStarted()
    {
        if (!_started)
        {
            _start = _timeProvider.GetTimestamp();
            _started = true;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var period = _options.Period;
        while (!cancellationToken.IsCancellationRequested)
        {
            RunDueTicks();
            var nextDue = period * (Interlocked.Read(ref _tick) + 1);
            var wait = nextDue - _timeProvider.GetElapsedTime(_start);
            if (wait <= TimeSpan.Zero)
            {
                continue;
            }

            _timer!.Change(wait, Timeout.InfiniteTimeSpan);
            if (_timeProvider.GetElapsedTime(_start) >= nextDue)
            {
                continue; // time moved on while the timer was armed
            }

            await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The real-time loop. On Linux it sleeps until the next tick with the kernel's high-resolution timer (a stop is
    /// seen within one period). Elsewhere it sleeps (a timed wait on the cancellation handle, which stop interrupts)
    /// until <see cref="MediaClockOptions.SpinWindow"/> before the next tick is due, then waits actively for the rest.
    /// </summary>
    private void RunDedicated(CancellationToken cancellationToken, TaskCompletionSource done)
    {
        var period = _options.Period;
        var spin = _options.SpinWindow < TimeSpan.Zero ? TimeSpan.Zero : _options.SpinWindow;
        var handle = cancellationToken.WaitHandle;
        try
        {
            RealtimeScheduling = _options.RealtimePriority > 0 && Clock.RealtimeScheduling.TryEnterFifo(_options.RealtimePriority);
            var precise = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                if (StreamCount == 0 && !WaitForStreams(cancellationToken))
                {
                    break;
                }

                RunDueTicks();
                var nextDue = period * (Interlocked.Read(ref _tick) + 1);
                var wait = nextDue - _timeProvider.GetElapsedTime(_start);
                if (wait > TimeSpan.Zero && precise && (precise = Clock.RealtimeScheduling.TrySleep(wait)))
                {
                    continue; // high-resolution sleep (Linux): no active waiting needed
                }

                var sleep = wait - spin;
                if (sleep >= TimeSpan.FromMilliseconds(1))
                {
                    // Timed waits round to whole milliseconds: sleep the whole part, the window absorbs the rest.
                    handle.WaitOne((int)sleep.TotalMilliseconds);
                    continue;
                }

                var spinner = default(SpinWait);
                while (_timeProvider.GetElapsedTime(_start) < nextDue && !cancellationToken.IsCancellationRequested)
                {
                    if (spin == TimeSpan.Zero)
                    {
                        handle.WaitOne(1);
                    }
                    else
                    {
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }
                }
            }

            done.TrySetResult();
        }
#pragma warning disable CA1031 // The loop's failure is handed to whoever awaits the clock's end.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            done.TrySetException(ex);
        }
    }

    /// <summary>
    /// With no stream registered the dedicated thread sleeps until one is (an idle node then has no 50 Hz wake-up); the
    /// ticks that passed meanwhile are not run and not counted as skipped: nothing was there to send them. False on stop.
    /// </summary>
    private bool WaitForStreams(CancellationToken cancellationToken)
    {
        try
        {
            _hasStreams.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        var due = _timeProvider.GetElapsedTime(_start).Ticks / _options.Period.Ticks;
        if (due - 1 > Interlocked.Read(ref _tick))
        {
            Interlocked.Exchange(ref _tick, due - 1); // the next RunDueTicks runs the current tick only
        }

        return true;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    private void TickSlice(ReadOnlySpan<IMediaClockStream> streams, long tick)
    {
        foreach (var stream in streams)
        {
            try
            {
                stream.OnTick(tick);
            }
#pragma warning disable CA1031 // One faulty stream must not stop the clock for every other call.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _streamErrors);
            }
        }
    }

    /// <summary>
    /// A tick split into slices on the thread pool. Apart from <see cref="RunTick"/> so that the lambda's closure is
    /// allocated only here: captured in RunTick it was made on every tick (40 B), parallel or not.
    /// </summary>
    private void RunParallel(IMediaClockStream[] streams, long tick, int slices)
    {
        var size = (streams.Length + slices - 1) / slices;
        Parallel.For(0, slices, slice =>
        {
            var start = slice * size;
            TickSlice(streams.AsSpan(start, Math.Min(size, streams.Length - start)), tick);
        });
    }

    private void RunTick(long tick, TimeSpan lateness)
    {
        var workStart = _timeProvider.GetTimestamp();
        var streams = Volatile.Read(ref _streams);
        var slices = Math.Max(1, Math.Min(_options.Parallelism, streams.Length / Math.Max(1, _options.ParallelThreshold / 2)));
        if (streams.Length < _options.ParallelThreshold || slices == 1)
        {
            TickSlice(streams, tick);
        }
        else
        {
            RunParallel(streams, tick, slices);
        }

        var latenessMs = Math.Max(0, lateness.TotalMilliseconds);
        var workMs = _timeProvider.GetElapsedTime(workStart).TotalMilliseconds;
        lock (_figures)
        {
            _ticksRun++;
            _latenessSumMs += latenessMs;
            _latenessMaxMs = Math.Max(_latenessMaxMs, latenessMs);
            _lastWorkMs = workMs;
        }

        _lateness?.Record(latenessMs / 1000);
    }
}
