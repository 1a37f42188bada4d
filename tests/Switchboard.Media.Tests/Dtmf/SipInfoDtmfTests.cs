using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class SipInfoDtmfTests
{
    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("Application/DTMF-Relay; charset=utf-8", "Signal= #\nDuration= 250", '#', 250)]
    [InlineData("application/dtmf-relay", "Signal=11\r\nDuration=100\r\n", '#', 100)]
    [InlineData("application/dtmf-relay", "Signal=*", '*', 0)]
    [InlineData("application/dtmf", "5", '5', 0)]
    [InlineData("application/dtmf", "10\r\n", '*', 0)]
    [InlineData("application/dtmf", "d", 'D', 0)]
    public void TryParse_ValidBodies_ReturnsDigit(string contentType, string body, char expected, int milliseconds)
    {
        Assert.True(SipInfoDtmf.TryParse(contentType, body, out var digit));
        Assert.Equal(expected, digit.Digit);
        Assert.Equal(DtmfSource.SipInfo, digit.Source);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), digit.Duration);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Duration=160")]
    [InlineData("application/dtmf-relay", "Signal=X")]
    [InlineData("application/dtmf-relay", "Signal=99")]
    [InlineData("application/dtmf", "")]
    [InlineData("application/dtmf", "55")]
    [InlineData("application/sdp", "5")]
    [InlineData(null, "5")]
    [InlineData("application/dtmf", null)]
    public void TryParse_InvalidBodies_ReturnsFalse(string? contentType, string? body) =>
        Assert.False(SipInfoDtmf.TryParse(contentType, body, out _));
}
