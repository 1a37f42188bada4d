namespace Switchboard.LoadTool;

/// <summary>What <see cref="PacingAnalysis"/> found; printed as key=value lines.</summary>
public sealed record PacingReport(
    long Packets, int Flows, double Seconds, double PacketsPerSecond, long Lost,
    double ErrorP50Ms, double ErrorP99Ms, double ErrorMaxMs, double PercentOver2Ms)
{
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(FormattableString.Invariant($"rtp_packets={Packets}"));
        output.WriteLine(FormattableString.Invariant($"rtp_flows={Flows}"));
        output.WriteLine(FormattableString.Invariant($"rtp_seconds={Seconds:0.###}"));
        output.WriteLine(FormattableString.Invariant($"rtp_pps={PacketsPerSecond:0}"));
        output.WriteLine(FormattableString.Invariant($"rtp_lost={Lost}"));
        output.WriteLine(FormattableString.Invariant($"pacing_p50_ms={ErrorP50Ms:0.###}"));
        output.WriteLine(FormattableString.Invariant($"pacing_p99_ms={ErrorP99Ms:0.###}"));
        output.WriteLine(FormattableString.Invariant($"pacing_max_ms={ErrorMaxMs:0.###}"));
        output.WriteLine(FormattableString.Invariant($"pacing_over_2ms_pct={PercentOver2Ms:0.###}"));
    }
}
