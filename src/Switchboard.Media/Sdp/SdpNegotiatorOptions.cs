using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>Codec and packetisation choices for <see cref="SdpNegotiator"/>.</summary>
public sealed record SdpNegotiatorOptions
{
    /// <summary>Codecs we accept and offer, in our preference order (used for our offers; answers follow the offer's order).</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>The dynamic payload type we offer telephone-event/8000 with (RFC 4733 §7.1.1).</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Packet time we send and announce, in milliseconds.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>The session name (<c>s=</c>).</summary>
    public string SessionName { get; init; } = "Switchboard";
}
