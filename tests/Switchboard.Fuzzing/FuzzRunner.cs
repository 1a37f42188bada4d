using System.Diagnostics;

namespace Switchboard.Fuzzing;

/// <summary>
/// Runs one target over its seeds and then over seeded mutations of its corpus; an input whose outcome was not seen
/// before joins the corpus (a cheap stand-in for coverage feedback). Each input is checked for an unhandled exception,
/// its time, and the bytes it made the target allocate on this thread.
/// </summary>
public sealed class FuzzRunner
{
    /// <summary>Most inputs kept in the corpus besides the seeds.</summary>
    public const int MaxCorpus = 4096;

    private readonly FuzzTarget _target;
    private readonly List<byte[]> _corpus;
    private readonly HashSet<int> _outcomes = [];
    private readonly List<FuzzFailure> _failures = [];
    private readonly Mutator _mutator;
    private readonly Random _random;
    private readonly int _seedCount;
    private long _maxAllocated;
    private long _maxTicks;

    public FuzzRunner(FuzzTarget target, IEnumerable<byte[]> seeds, int seed)
    {
        _target = target;
        _corpus = [.. seeds];
        if (_corpus.Count == 0)
        {
            _corpus.Add([]);
        }

        _seedCount = _corpus.Count;
        _mutator = new Mutator(seed);
        _random = new Random(seed ^ 0x5eed);
    }

    /// <summary>An input above this is a hang (reported; the input still finishes).</summary>
    public TimeSpan SlowInputLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bytes one input may make the target allocate: this plus <see cref="AllocationPerInputByte"/> per input byte.</summary>
    public long AllocationBase { get; init; } = 1 << 20;

    /// <summary>See <see cref="AllocationBase"/>.</summary>
    public long AllocationPerInputByte { get; init; } = 256;

    /// <summary>Set by a watchdog: the input running now and since when (for a hang that never returns).</summary>
    public (byte[]? Input, long StartedAt) Current => (Volatile.Read(ref _current), Interlocked.Read(ref _currentStart));

    private byte[]? _current;
    private long _currentStart;

    /// <summary>Runs every seed, then mutated inputs until <paramref name="inputs"/> were run in all.</summary>
    public FuzzReport Run(long inputs, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var buffer = new List<byte>(_target.MaxLength * 2);
        long done = 0;
        for (var i = 0; i < _seedCount && done < inputs; i++, done++)
        {
            Execute(_corpus[i].AsSpan(0, Math.Min(_corpus[i].Length, _target.MaxLength)).ToArray());
        }

        while (done < inputs && !cancellationToken.IsCancellationRequested)
        {
            var parent = _corpus[_random.Next(_corpus.Count)];
            var other = _corpus[_random.Next(_corpus.Count)];
            _mutator.Mutate(parent, other, _target.Dictionary, _target.MaxLength, buffer);
            Execute([.. buffer]);
            done++;
        }

        return new FuzzReport(_target.Name, done, watch.Elapsed, _corpus.Count, _outcomes.Count, _maxAllocated,
            Stopwatch.GetElapsedTime(0, _maxTicks), [.. _failures]);
    }

    private void Execute(byte[] input)
    {
        Volatile.Write(ref _current, input);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _currentStart, start);
        int outcome;
        try
        {
            outcome = _target.Run(input);
        }
#pragma warning disable CA1031 // The fuzzer's job: any exception a parser lets out is a finding.
        catch (Exception ex) when (!_target.IsExpected(ex))
#pragma warning restore CA1031
        {
            _failures.Add(new FuzzFailure(_target.Name, "exception", ex.ToString(), input));
            outcome = HashCode.Combine("exception", ex.GetType().FullName);
        }
        catch (Exception ex)
        {
            outcome = HashCode.Combine("expected", ex.GetType().FullName);
        }

        var ticks = Stopwatch.GetTimestamp() - start;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Interlocked.Exchange(ref _currentStart, 0);
        _maxTicks = Math.Max(_maxTicks, ticks);
        _maxAllocated = Math.Max(_maxAllocated, allocated);
        if (Stopwatch.GetElapsedTime(0, ticks) > SlowInputLimit)
        {
            _failures.Add(new FuzzFailure(_target.Name, "hang", $"{Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds:0} ms", input));
        }

        if (allocated > AllocationBase + (AllocationPerInputByte * input.Length))
        {
            _failures.Add(new FuzzFailure(_target.Name, "allocation", $"{allocated} bytes for a {input.Length}-byte input", input));
        }

        if (_outcomes.Add(outcome) && _corpus.Count < _seedCount + MaxCorpus)
        {
            _corpus.Add(input);
        }
    }
}
