using Switchboard.Media.Rtcp;

namespace Switchboard.Media.Tests.Rtcp;

public sealed class RtcpPacketTests
{
    [Fact]
    public void WriteCompound_SenderReport_RoundTrips()
    {
        var ntp = RtcpReport.ToNtp(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var block = new RtcpReportBlock(0x1234, 12, -3, 0x0001_0005, 40, 0xAABBCCDD, 65536);
        var report = new RtcpReport(0xCAFE, true, ntp, 160_000, 1000, 160_000, [block]);
        var buffer = new byte[200];

        var length = RtcpPacket.WriteCompound(report, "switchboard@127.0.0.1", buffer);

        Assert.Equal(0, length % 4);
        Assert.True(RtcpPacket.TryReadReport(buffer.AsSpan(0, length), out var read));
        Assert.True(read!.IsSenderReport);
        Assert.Equal(report.Ssrc, read.Ssrc);
        Assert.Equal(ntp, read.NtpTimestamp);
        Assert.Equal(1000u, read.PacketCount);
        Assert.Equal(block, Assert.Single(read.Blocks));
    }

    [Fact]
    public void ToNtp_KnownInstant_MatchesRfc868Seconds()
    {
        // 1970-01-01 is 2,208,988,800 s after 1900-01-01.
        var ntp = RtcpReport.ToNtp(DateTimeOffset.UnixEpoch.AddSeconds(0.5));
        Assert.Equal(2_208_988_800UL, ntp >> 32);
        Assert.Equal(0x8000_0000UL, ntp & 0xFFFF_FFFF);
    }

    [Fact]
    public void TryReadReport_SdesBeforeReceiverReport_FindsReport()
    {
        var buffer = new byte[100];
        var sdes = RtcpPacket.WriteSourceDescription(5, "x", buffer);
        var rr = RtcpPacket.WriteReport(RtcpReport.Receiver(5), buffer.AsSpan(sdes));

        Assert.True(RtcpPacket.TryReadReport(buffer.AsSpan(0, sdes + rr), out var read));
        Assert.False(read!.IsSenderReport);
        Assert.Empty(read.Blocks);
    }

    [Fact]
    public void TryReadReport_TruncatedOrGarbage_ReturnsFalse()
    {
        var buffer = new byte[100];
        var length = RtcpPacket.WriteReport(RtcpReport.Receiver(5, new RtcpReportBlock(1, 0, 0, 0, 0, 0, 0)), buffer);

        Assert.False(RtcpPacket.TryReadReport(buffer.AsSpan(0, length - 4), out _));
        Assert.False(RtcpPacket.TryReadReport([1, 2, 3, 4, 5], out _));
        var random = new Random(1);
        for (var i = 0; i < 5000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)(0x80 | (buffer[0] & 0x1F));
            RtcpPacket.TryReadReport(buffer.AsSpan(0, random.Next(100)), out _);
        }
    }

    [Fact]
    public void CreateReportBlock_TwoOfTenLost_ReportsLossAndSequence()
    {
        var statistics = new RtpReceiveStatistics();
        foreach (var sequence in new ushort[] { 65530, 65531, 65533, 65534, 65535, 0, 2, 3, 4, 5 })
        {
            statistics.Record(99, sequence, (uint)(sequence * 160), sequence * 160L);
        }

        var block = statistics.CreateReportBlock();

        Assert.Equal(99u, block.Ssrc);
        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal(0x0001_0005u, block.HighestSequence);
        Assert.Equal((byte)(2 * 256 / 12), block.FractionLost);
        Assert.Equal(0u, block.Jitter);
    }
}
