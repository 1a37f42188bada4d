using System.Net;
using System.Text;
using Switchboard.Media.Sdp;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Creates RTP legs on the SIP bind address and speaks SDP offer/answer (RFC 3264) for them through the media
/// layer's <see cref="SdpNegotiator"/>. One per node; all legs share its <see cref="MediaClock"/>.
/// </summary>
public sealed class MediaEngine : IAsyncDisposable
{
    /// <summary>The content type of our session descriptions (RFC 4566 §8.1).</summary>
    public const string SdpContentType = "application/sdp";

    private readonly IPAddress _bindAddress;
    private readonly string _advertised;
    private readonly TimeProvider _timeProvider;

    public MediaEngine(SipOptions sip, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sip);
        _bindAddress = IPAddress.Parse(sip.BindAddress);
        _advertised = _bindAddress.Equals(IPAddress.Any) && string.IsNullOrWhiteSpace(sip.PublicAddress) ? "127.0.0.1" : sip.AdvertisedAddress;
        _timeProvider = timeProvider;
        Clock = new MediaClock(timeProvider);
    }

    /// <summary>The node's 20 ms clock.</summary>
    public MediaClock Clock { get; }

    /// <summary>The offer/answer logic.</summary>
    public SdpNegotiator Negotiator { get; } = new();

    /// <summary>A new leg with its own RTP port, not yet started.</summary>
    public RtpLeg CreateLeg() => new(_bindAddress, _advertised, Clock, _timeProvider);

    /// <summary>Answers an SDP offer for <paramref name="leg"/>; on success the leg is started and the answer is returned as bytes.</summary>
    public (SdpNegotiationResult Result, byte[] Body) Answer(RtpLeg leg, ReadOnlyMemory<byte> offer)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var result = Negotiator.Answer(Encoding.UTF8.GetString(offer.Span), leg.LocalEndpoint);
        if (!result.IsAccepted || result.Answer is null)
        {
            return (result, []);
        }

        leg.Start(result.Media);
        return (result, Encoding.UTF8.GetBytes(result.Answer.ToString()));
    }

    /// <summary>Our offer for an outbound leg.</summary>
    public SdpSessionDescription CreateOffer(RtpLeg leg) => Negotiator.CreateOffer(leg.LocalEndpoint);

    /// <summary>Reads the answer to <paramref name="offer"/>; on success the leg is started.</summary>
    public SdpNegotiationResult Complete(RtpLeg leg, SdpSessionDescription offer, ReadOnlyMemory<byte> answer)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var result = Negotiator.ProcessAnswer(offer, Encoding.UTF8.GetString(answer.Span));
        if (result.IsAccepted)
        {
            leg.Start(result.Media);
        }

        return result;
    }

    public ValueTask DisposeAsync() => Clock.DisposeAsync();
}
