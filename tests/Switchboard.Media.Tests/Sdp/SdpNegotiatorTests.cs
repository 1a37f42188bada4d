using Switchboard.Media.Codecs;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly SdpLocalEndpoint Local = new("127.0.0.1", 20000, 42, 1);
    private readonly SdpNegotiator _negotiator = new();

    [Theory]
    [InlineData(SdpOffers.Baresip, AudioCodec.Pcmu, 0, 101, "127.0.0.1", 10170)]
    [InlineData(SdpOffers.Linphone, AudioCodec.Pcmu, 0, 100, "127.0.0.1", 7078)]
    [InlineData(SdpOffers.TrunkPcmaOnly, AudioCodec.Pcma, 8, 101, "127.0.0.2", 30214)]
    [InlineData(SdpOffers.SippUacPcap, AudioCodec.Pcma, 8, 101, "127.0.0.1", 6000)]
    public void Answer_RealOffers_ChoosesG711AndTelephoneEvent(string offer, AudioCodec codec, int pt, int te, string address, int port)
    {
        var result = _negotiator.Answer(offer, Local);

        Assert.True(result.IsAccepted, result.FailureReason);
        Assert.Equal(codec, result.Media.Codec);
        Assert.Equal(pt, result.Media.PayloadType);
        Assert.Equal(te, result.Media.TelephoneEventPayloadType);
        Assert.Equal(address, result.Media.RemoteAddress);
        Assert.Equal(port, result.Media.RemotePort);
        Assert.Equal(SdpDirection.SendRecv, result.Media.Direction);

        var answer = SdpSessionDescription.Parse(result.Answer!.ToString());
        var audio = Assert.Single(answer.Media);
        Assert.Equal(20000, audio.Port);
        Assert.Equal([pt.ToString(System.Globalization.CultureInfo.InvariantCulture), te.ToString(System.Globalization.CultureInfo.InvariantCulture)], audio.Formats);
        Assert.Equal("telephone-event", audio.GetRtpMap(te)!.EncodingName);
        Assert.Equal(8000, audio.GetRtpMap(te)!.ClockRate);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal("127.0.0.1", answer.Connection!.Address);
        Assert.Equal("42", answer.Origin.SessionId);
    }

    [Fact]
    public void Answer_VideoBeforeAudio_RejectsVideoWithPortZeroAndKeepsOrder()
    {
        var result = _negotiator.Answer(SdpOffers.VideoThenAudio, Local);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, result.Answer!.Media.Count);
        Assert.Equal("video", result.Answer.Media[0].Media);
        Assert.Equal(0, result.Answer.Media[0].Port);
        Assert.Equal(20000, result.Answer.Media[1].Port);
        Assert.Equal(AudioCodec.Pcma, result.Media.Codec);
        Assert.Equal(96, result.Media.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData("sendonly", SdpDirection.RecvOnly)]
    [InlineData("inactive", SdpDirection.Inactive)]
    [InlineData("recvonly", SdpDirection.SendOnly)]
    [InlineData("sendrecv", SdpDirection.SendRecv)]
    public void Answer_HoldDirections_ReversesDirection(string offered, SdpDirection expected)
    {
        var result = _negotiator.Answer(SdpOffers.Hold(offered), Local);

        Assert.True(result.IsAccepted);
        Assert.Equal(expected, result.Media.Direction);
        Assert.Equal(expected, result.Answer!.Media[0].Direction);
    }

    [Fact]
    public void Answer_OldStyleNullAddressHold_NeverSends()
    {
        var result = _negotiator.Answer(SdpOffers.OldStyleHold, Local);

        Assert.True(result.IsAccepted);
        Assert.False(result.Media.Direction.Sends());
        Assert.Null(result.Media.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData(SdpOffers.G729Only, "No common codec")]
    [InlineData(SdpOffers.SrtpOnly, "RTP/SAVP")]
    [InlineData("not sdp at all", "Malformed")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "no audio")]
    public void Answer_NothingMatches_RejectsFor488WithReason(string offer, string reasonPart)
    {
        var result = _negotiator.Answer(offer, Local);

        Assert.False(result.IsAccepted);
        Assert.Null(result.Answer);
        Assert.Contains(reasonPart, result.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(488, SdpNegotiationResult.NotAcceptableStatusCode);
    }

    [Fact]
    public void Answer_PcmaOnlyConfiguration_SkipsOfferedPcmu()
    {
        var negotiator = new SdpNegotiator(new SdpNegotiatorOptions { Codecs = [AudioCodec.Pcma] });

        var result = negotiator.Answer(SdpOffers.Baresip, Local);

        Assert.Equal(AudioCodec.Pcma, result.Media!.Codec);
    }

    [Fact]
    public void CreateOffer_Default_OffersPcmuPcmaTelephoneEventPtime20()
    {
        var offer = SdpSessionDescription.Parse(_negotiator.CreateOffer(Local).ToString());

        var audio = Assert.Single(offer.Media);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal("PCMA", audio.GetRtpMap(8)!.EncodingName);
        Assert.Equal("0-16", audio.GetFormatParameters(101));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal(20000, audio.Port);
    }

    [Fact]
    public void CreateOffer_Hold_IsSendOnly()
    {
        var offer = _negotiator.CreateOffer(Local with { SessionVersion = 2 }, SdpDirection.SendOnly);

        Assert.Equal(SdpDirection.SendOnly, offer.Media[0].Direction);
        Assert.Equal("2", offer.Origin.SessionVersion);
    }

    [Fact]
    public void ProcessAnswer_PeerAnswersOurOffer_NegotiatesItsChoice()
    {
        var offer = _negotiator.CreateOffer(Local);
        var peer = new SdpNegotiator(new SdpNegotiatorOptions { Codecs = [AudioCodec.Pcma], TelephoneEventPayloadType = 96 });
        var peerAnswer = peer.Answer(offer, new SdpLocalEndpoint("127.0.0.1", 30000, 7, 1));

        var result = _negotiator.ProcessAnswer(offer, peerAnswer.Answer!.ToString());

        Assert.True(result.IsAccepted);
        Assert.Equal(AudioCodec.Pcma, result.Media.Codec);
        Assert.Equal(30000, result.Media.RemotePort);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
    }

    [Fact]
    public void ProcessAnswer_AllStreamsRejected_Fails()
    {
        var offer = _negotiator.CreateOffer(Local);
        const string answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n";

        Assert.False(_negotiator.ProcessAnswer(offer, answer).IsAccepted);
    }
}
