using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public sealed class SdpSessionDescriptionTests
{
    [Fact]
    public void Parse_BaresipOffer_ReadsSessionAndMedia()
    {
        var sdp = SdpSessionDescription.Parse(SdpOffers.Baresip);

        Assert.Equal("1953297391", sdp.Origin.SessionId);
        Assert.Equal("127.0.0.1", sdp.Connection!.Address);
        var audio = Assert.Single(sdp.Media);
        Assert.Equal(10170, audio.Port);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal("telephone-event", audio.GetRtpMap(101)!.EncodingName);
        Assert.Equal("0-15", audio.GetFormatParameters(101));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal(["b=AS:87"], audio.OtherLines);
    }

    [Fact]
    public void Parse_LfOnlyLinesAndMediaConnection_UsesMediaConnection()
    {
        var sdp = SdpSessionDescription.Parse(SdpOffers.TrunkPcmaOnly);

        Assert.Null(sdp.Connection);
        Assert.Equal("127.0.0.2", sdp.ConnectionOf(sdp.Media[0])!.Address);
    }

    [Fact]
    public void Parse_StaticPayloadWithoutRtpMap_UsesRfc3551Mapping()
    {
        var sdp = SdpSessionDescription.Parse(SdpOffers.OldStyleHold);

        Assert.Equal("PCMU", sdp.Media[0].GetRtpMap(0)!.EncodingName);
        Assert.True(sdp.Connection!.IsNullAddress);
    }

    [Fact]
    public void ToString_ParsedOffer_RoundTripsToEqualText()
    {
        foreach (var text in new[] { SdpOffers.Baresip, SdpOffers.Linphone, SdpOffers.SippUacPcap })
        {
            var once = SdpSessionDescription.Parse(text).ToString();
            var twice = SdpSessionDescription.Parse(once).ToString();
            Assert.Equal(text, once);
            Assert.Equal(once, twice);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n")]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- 1 IN IP4\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nm=audio notaport RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nm=audio 5\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4\r\n")]
    public void TryParse_Malformed_ReturnsFalseWithReason(string text)
    {
        Assert.False(SdpSessionDescription.TryParse(text, out var sdp, out var error));
        Assert.Null(sdp);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_Malformed_ThrowsSdpParseExceptionNamingTheLine()
    {
        var exception = Assert.Throws<SdpParseException>(() => SdpSessionDescription.Parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nbad line\r\n"));
        Assert.Contains("Line 4", exception.Message, StringComparison.Ordinal);
    }
}
