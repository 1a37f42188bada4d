using System.Globalization;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>
/// The offer/answer model of RFC 3264 for one audio stream of G.711 (PCMU/PCMA) plus telephone-event/8000
/// (RFC 4733 §7.1.1), ptime 20. Pure: no sockets, no state; the media session calls it with its address and port.
/// </summary>
public sealed class SdpNegotiator(SdpNegotiatorOptions? options = null)
{
    private const string TelephoneEvent = "telephone-event";

    private readonly SdpNegotiatorOptions _options = options ?? new SdpNegotiatorOptions();

    /// <summary>The options in use.</summary>
    public SdpNegotiatorOptions Options => _options;

    /// <summary>Answers an offer given as text (a SIP body); a malformed offer is a rejection, not an exception.</summary>
    public SdpNegotiationResult Answer(string offer, SdpLocalEndpoint local) =>
        SdpSessionDescription.TryParse(offer, out var parsed, out var error)
            ? Answer(parsed, local)
            : SdpNegotiationResult.Rejected($"Malformed SDP offer: {error}");

    /// <summary>
    /// Answers <paramref name="offer"/> (RFC 3264 §6): accepts the first plain RTP audio stream that has PCMU or PCMA
    /// (in the offerer's order), echoes its telephone-event type, reverses the direction (sendonly -> recvonly,
    /// inactive -> inactive) and rejects every other stream with port 0. No common codec -> rejected (SIP 488).
    /// </summary>
    public SdpNegotiationResult Answer(SdpSessionDescription offer, SdpLocalEndpoint local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        var answers = new List<SdpMediaDescription>(offer.Media.Count);
        NegotiatedMedia? chosen = null;
        var reasons = new List<string>();

        foreach (var media in offer.Media)
        {
            string? reason = null;
            if (chosen is null && TryChoose(offer, media, out var negotiated, out reason))
            {
                var direction = negotiated.Direction;
                answers.Add(BuildMedia(local.Port, negotiated.PayloadType, negotiated.Codec, negotiated.TelephoneEventPayloadType, direction));
                chosen = negotiated;
            }
            else
            {
                if (reason is not null)
                {
                    reasons.Add(reason);
                }

                answers.Add(new SdpMediaDescription(media.Media, 0, media.Protocol, media.Formats.Count > 0 ? media.Formats : ["0"], null, [], []));
            }
        }

        if (chosen is null)
        {
            return SdpNegotiationResult.Rejected(reasons.Count > 0 ? string.Join("; ", reasons) : "The offer has no audio stream.");
        }

        var answer = new SdpSessionDescription(0, SdpOrigin.Create(local.Address, local.SessionId, local.SessionVersion), _options.SessionName,
            SdpConnection.For(local.Address), "0 0", [], answers, []);
        return new SdpNegotiationResult(answer, chosen, null);
    }

    /// <summary>
    /// Creates our offer (RFC 3264 §5) for an outbound call, a late-offer 200 OK or a re-INVITE (hold = sendonly).
    /// Offers every configured codec plus telephone-event/8000 with events 0-16.
    /// </summary>
    public SdpSessionDescription CreateOffer(SdpLocalEndpoint local, SdpDirection direction = SdpDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(local);
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in _options.Codecs)
        {
            var pt = (int)codec;
            formats.Add(pt.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(pt, EncodingName(codec), 8000).ToString()));
        }

        var te = _options.TelephoneEventPayloadType;
        formats.Add(te.ToString(CultureInfo.InvariantCulture));
        attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(te, TelephoneEvent, 8000).ToString()));
        attributes.Add(new SdpAttribute("fmtp", $"{te.ToString(CultureInfo.InvariantCulture)} 0-16"));
        attributes.Add(new SdpAttribute("ptime", _options.Ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        var media = new SdpMediaDescription("audio", local.Port, "RTP/AVP", formats, null, attributes, []);
        return new SdpSessionDescription(0, SdpOrigin.Create(local.Address, local.SessionId, local.SessionVersion), _options.SessionName,
            SdpConnection.For(local.Address), "0 0", [], [media], []);
    }

    /// <summary>
    /// Reads the peer's answer to our <paramref name="offer"/> (RFC 3264 §7): the first accepted audio stream must use
    /// a codec we offered. Used for outbound calls and for the ACK of a late offer.
    /// </summary>
    public SdpNegotiationResult ProcessAnswer(SdpSessionDescription offer, SdpSessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        foreach (var media in answer.Media)
        {
            if (media.Port == 0 || !media.IsPlainRtpAudio)
            {
                continue;
            }

            if (!TryChoose(answer, media, out var negotiated, out var reason))
            {
                return SdpNegotiationResult.Rejected(reason ?? "The answer has no usable audio stream.");
            }

            var offeredTe = offer.Media.Count > 0 ? FindTelephoneEvents(offer.Media[0]) : [];
            var allTe = negotiated.TelephoneEventPayloadTypes.Union(offeredTe).ToArray();
            return new SdpNegotiationResult(null, negotiated with { TelephoneEventPayloadTypes = allTe }, null);
        }

        return SdpNegotiationResult.Rejected("The answer accepted no audio stream.");
    }

    /// <summary>Reads an answer given as text; malformed text is a rejection.</summary>
    public SdpNegotiationResult ProcessAnswer(SdpSessionDescription offer, string answer) =>
        SdpSessionDescription.TryParse(answer, out var parsed, out var error)
            ? ProcessAnswer(offer, parsed)
            : SdpNegotiationResult.Rejected($"Malformed SDP answer: {error}");

    private bool TryChoose(SdpSessionDescription description, SdpMediaDescription media, out NegotiatedMedia negotiated, out string? reason)
    {
        negotiated = null!;
        reason = null;
        if (media.Media != "audio")
        {
            return false;
        }

        if (media.Port == 0)
        {
            return false;
        }

        if (!media.IsPlainRtpAudio)
        {
            reason = $"Unsupported audio transport '{media.Protocol}' (only RTP/AVP).";
            return false;
        }

        AudioCodec? codec = null;
        var payloadType = -1;
        foreach (var pt in media.PayloadTypes())
        {
            if (media.GetRtpMap(pt) is { } map && map.ClockRate == 8000 && map.Channels == 1 && CodecOf(map.EncodingName) is { } candidate &&
                _options.Codecs.Contains(candidate))
            {
                codec = candidate;
                payloadType = pt;
                break;
            }
        }

        if (codec is null)
        {
            reason = $"No common codec: offered '{string.Join(' ', media.Formats)}', we support {string.Join('/', _options.Codecs.Select(EncodingName))}.";
            return false;
        }

        var connection = description.ConnectionOf(media);
        if (connection is null)
        {
            reason = "The audio stream has no connection address (c=).";
            return false;
        }

        var telephoneEvents = FindTelephoneEvents(media);
        var direction = description.DirectionOf(media).Reverse();
        if (connection.IsNullAddress && direction.Sends())
        {
            // RFC 3264 §8.4: 0.0.0.0 is the old way to put us on hold: never send there.
            direction = direction.Receives() ? SdpDirection.RecvOnly : SdpDirection.Inactive;
        }

        negotiated = new NegotiatedMedia(codec.Value, payloadType, telephoneEvents.Count > 0 ? telephoneEvents[0] : null, telephoneEvents,
            connection.Address, media.Port, direction, media.Ptime is > 0 and <= 200 ? _options.Ptime : _options.Ptime);
        return true;
    }

    private static List<int> FindTelephoneEvents(SdpMediaDescription media)
    {
        var result = new List<int>();
        foreach (var pt in media.PayloadTypes())
        {
            if (media.GetRtpMap(pt) is { } map && map.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase) && map.ClockRate == 8000)
            {
                result.Add(pt);
            }
        }

        return result;
    }

    private SdpMediaDescription BuildMedia(int port, int payloadType, AudioCodec codec, int? telephoneEvent, SdpDirection direction)
    {
        var formats = new List<string> { payloadType.ToString(CultureInfo.InvariantCulture) };
        var attributes = new List<SdpAttribute> { new("rtpmap", new SdpRtpMap(payloadType, EncodingName(codec), 8000).ToString()) };
        if (telephoneEvent is { } te)
        {
            formats.Add(te.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(te, TelephoneEvent, 8000).ToString()));
            attributes.Add(new SdpAttribute("fmtp", $"{te.ToString(CultureInfo.InvariantCulture)} 0-16"));
        }

        attributes.Add(new SdpAttribute("ptime", _options.Ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        return new SdpMediaDescription("audio", port, "RTP/AVP", formats, null, attributes, []);
    }

    private static string EncodingName(AudioCodec codec) => codec == AudioCodec.Pcma ? "PCMA" : "PCMU";

    private static AudioCodec? CodecOf(string encodingName) =>
        encodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase) ? AudioCodec.Pcmu
        : encodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase) ? AudioCodec.Pcma
        : null;
}
