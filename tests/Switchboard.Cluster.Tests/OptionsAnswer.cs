namespace Switchboard.Cluster.Tests;

/// <summary>
/// One OPTIONS probe: when it was sent (<see cref="System.Diagnostics.Stopwatch"/> timestamp), how long the answer took
/// in ms (<see cref="double.PositiveInfinity"/> when none came within a second) and its status code (0: none).
/// </summary>
internal readonly record struct OptionsAnswer(long SentAt, double Ms, int Status);
