namespace Switchboard.Cluster.Tests;

/// <summary>What a <see cref="SippCallers"/> run ended with: calls that completed their scenario, failed calls, each call's set-up time in ms.</summary>
internal sealed record SippCallersResult(int Successful, int Failed, IReadOnlyList<double> SetupTimesMs, int ExitCode, string Output)
{
    public override string ToString() =>
        $"{Successful} successful, {Failed} failed, set-up max {(SetupTimesMs.Count == 0 ? 0 : SetupTimesMs.Max()):0} ms, exit {ExitCode}: {Output[^Math.Min(Output.Length, 2000)..]}";
}
