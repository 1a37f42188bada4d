using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void Write_ThenTryParse_RoundTripsHeaderAndPayload()
    {
        var header = new RtpHeader(8, 65535, 0xFFFFFF00, 0xDEADBEEF, Marker: true);
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        var buffer = new byte[200];

        var length = RtpPacket.Write(header, payload, buffer);

        Assert.Equal(172, length);
        Assert.Equal(0x80, buffer[0]);
        Assert.Equal(0x88, buffer[1]);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));
        Assert.Equal(header, packet.Header);
        Assert.True(packet.Payload.SequenceEqual(payload));
    }

    [Fact]
    public void TryParse_CsrcExtensionAndPadding_SkipsThemInPayload()
    {
        byte[] datagram =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 7, // V=2 P=1 X=1 CC=1
            0, 0, 0, 9, // CSRC
            0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4, // extension of one word
            0xAA, 0xBB, // payload
            0, 0, 3, // padding (3 bytes, last is the count)
        ];

        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.Equal(7u, packet.Header.Ssrc);
        Assert.Equal(160u, packet.Header.Timestamp);
        Assert.Equal([0xAA, 0xBB], packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 })]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 9 })]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 })]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 200 })]
    public void TryParse_Malformed_ReturnsFalse(byte[] datagram) => Assert.False(RtpPacket.TryParse(datagram, out _));

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        var random = new Random(4711);
        var buffer = new byte[64];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            if (RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet))
            {
                Assert.True(packet.Payload.Length <= length - RtpHeader.Size);
            }
        }
    }

    [Fact]
    public void Write_DestinationTooShort_Throws()
    {
        var header = new RtpHeader(0, 1, 2, 3);
        Assert.Throws<ArgumentException>(() => RtpPacket.Write(header, new byte[160], new byte[100]));
    }

    [Fact]
    public void LooksLikeRtcp_ReceiverReport_True()
    {
        Assert.True(RtpPacket.LooksLikeRtcp([0x80, 201, 0, 1]));
        Assert.False(RtpPacket.LooksLikeRtcp([0x80, 0, 0, 1]));
    }
}
