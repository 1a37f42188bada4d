namespace Switchboard.Fuzzing;

/// <summary>What one run of one target did.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Inputs">Inputs run.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="CorpusSize">Seeds plus inputs kept for a new outcome.</param>
/// <param name="Outcomes">Distinct outcomes seen.</param>
/// <param name="MaxAllocatedBytes">Most bytes one input made the target allocate.</param>
/// <param name="MaxInputTime">Longest time one input took.</param>
/// <param name="Failures">Inputs that broke the target.</param>
public sealed record FuzzReport(
    string Target,
    long Inputs,
    TimeSpan Elapsed,
    int CorpusSize,
    int Outcomes,
    long MaxAllocatedBytes,
    TimeSpan MaxInputTime,
    IReadOnlyList<FuzzFailure> Failures)
{
    public double InputsPerSecond => Elapsed > TimeSpan.Zero ? Inputs / Elapsed.TotalSeconds : 0;
}
