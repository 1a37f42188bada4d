namespace Switchboard.Media.Rtcp;

/// <summary>
/// A sender report (RFC 3550 §6.4.1, PT 200, <see cref="IsSenderReport"/>) or receiver report (§6.4.2, PT 201).
/// For a receiver report the sender info fields are zero.
/// </summary>
/// <param name="Ssrc">SSRC of the reporter.</param>
/// <param name="IsSenderReport">True for SR.</param>
/// <param name="NtpTimestamp">64-bit NTP wallclock time of the report (SR only).</param>
/// <param name="RtpTimestamp">The same instant in RTP units (SR only).</param>
/// <param name="PacketCount">Packets sent so far (SR only).</param>
/// <param name="OctetCount">Payload octets sent so far (SR only).</param>
/// <param name="Blocks">Reception report blocks (at most 31).</param>
public sealed record RtcpReport(
    uint Ssrc, bool IsSenderReport, ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount, IReadOnlyList<RtcpReportBlock> Blocks)
{
    /// <summary>A receiver report.</summary>
    public static RtcpReport Receiver(uint ssrc, params IReadOnlyList<RtcpReportBlock> blocks) => new(ssrc, false, 0, 0, 0, 0, blocks);

    /// <summary>Converts a wallclock time to the 64-bit NTP format (RFC 3550 §4: seconds since 1900 . fraction).</summary>
    public static ulong ToNtp(DateTimeOffset time)
    {
        var sinceEpoch = time - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seconds = (ulong)sinceEpoch.Ticks / TimeSpan.TicksPerSecond;
        var fraction = ((ulong)sinceEpoch.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
