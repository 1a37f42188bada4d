using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>The outcome of an offer/answer exchange (RFC 3264 §6/§7) for our single audio stream.</summary>
/// <param name="Codec">The codec both sides send.</param>
/// <param name="PayloadType">Its RTP payload type (0 or 8).</param>
/// <param name="TelephoneEventPayloadType">The telephone-event/8000 payload type we send DTMF with, or null if the peer has none.</param>
/// <param name="TelephoneEventPayloadTypes">Every telephone-event payload type seen in offer or answer: any of them is accepted on receive.</param>
/// <param name="RemoteAddress">Where the peer asked for RTP (may be replaced by symmetric RTP once packets arrive).</param>
/// <param name="RemotePort">The peer's RTP port.</param>
/// <param name="Direction">Our direction: whether we send and/or receive (hold = not sending).</param>
/// <param name="Ptime">Packet time in milliseconds (20).</param>
public sealed record NegotiatedMedia(
    AudioCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    IReadOnlyList<int> TelephoneEventPayloadTypes,
    string RemoteAddress,
    int RemotePort,
    SdpDirection Direction,
    int Ptime);
