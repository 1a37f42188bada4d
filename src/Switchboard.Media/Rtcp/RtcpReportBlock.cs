namespace Switchboard.Media.Rtcp;

/// <summary>A reception report block (RFC 3550 §6.4.1), 24 bytes.</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Lost fraction since the last report, in 1/256.</param>
/// <param name="CumulativeLost">Packets lost since the start (24-bit signed).</param>
/// <param name="HighestSequence">Extended highest sequence number received (cycles in the upper 16 bits).</param>
/// <param name="Jitter">Interarrival jitter in timestamp units (§6.4.1, A.8).</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP timestamp of the last SR received, or 0.</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR in 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc, byte FractionLost, int CumulativeLost, uint HighestSequence, uint Jitter, uint LastSenderReport, uint DelaySinceLastSenderReport)
{
    /// <summary>Size of a block on the wire.</summary>
    public const int Size = 24;
}
