using Switchboard.Media.Clock;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>Media configuration (bound from the "Media" section of appsettings).</summary>
public sealed record MediaOptions
{
    /// <summary>The local address RTP sockets bind to.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The address written into SDP (c=/o=); defaults to <see cref="Address"/>. Set it when binding 0.0.0.0 or behind NAT.</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>First RTP port of the range (inclusive; even ports are used, RTCP would be port + 1).</summary>
    public int PortRangeStart { get; init; } = 10000;

    /// <summary>Last RTP port of the range (inclusive).</summary>
    public int PortRangeEnd { get; init; } = 20000;

    /// <summary>No RTP/RTCP from the peer for this long raises <see cref="MediaSession.RtpTimeout"/>. Zero disables it.</summary>
    public TimeSpan RtpInactivityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a telephone event may lack its end packet before it is reported anyway.</summary>
    public TimeSpan DtmfEndTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Run Goertzel detection on received audio (for gateways that send tones in band). Costs CPU per call.</summary>
    public bool InBandDtmfDetection { get; init; }

    /// <summary>Send to the address the peer's RTP comes from rather than the SDP address (NAT, RFC 4961).</summary>
    public bool SymmetricRtp { get; init; } = true;

    /// <summary>
    /// Strict RTP/RTCP (docs/media.md): a leg learns its peer's media address only from packets whose IP address
    /// signalling named (the SDP connection address, or the SIP source address given with
    /// <see cref="MediaSession.SetSignallingSource"/>), during <see cref="RtpLearningWindow"/> after the answer, then
    /// locks it; packets from anywhere else are dropped before parsing and counted. False: follow the last sender from
    /// any address (unsafe on a network you do not trust).
    /// </summary>
    public bool StrictRtp { get; init; } = true;

    /// <summary>How long after an answer (or a re-INVITE that moved the peer) the leg may still learn a new source port before it locks.</summary>
    public TimeSpan RtpLearningWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Share of the RTP port range (0-90 %) that only outbound legs (agent legs, transfers, callbacks) may take, so a
    /// flood of inbound calls can never take the ports an answered caller needs to reach an agent.
    /// </summary>
    public int OutboundPortReservePercent { get; init; } = 20;

    /// <summary>
    /// Payload types accepted as telephone-event even when the SDP did not negotiate them (SIPp's <c>play_dtmf</c>
    /// sends PT 96 whatever was offered). Empty by default: unknown payload types are ignored.
    /// </summary>
    public IReadOnlyList<int> ExtraTelephoneEventPayloadTypes { get; init; } = [];

    /// <summary>
    /// Media receive threads on Linux (x86-64): each drains its share of the RTP/RTCP sockets with epoll and recvmmsg
    /// and handles every datagram inline (strict source check, DTMF, relay to the bridged leg), with no task and no
    /// thread-pool hop per packet. Default -1: one per two cores, 1 to 4. 0: the portable receiver (one async receive
    /// loop per socket on the thread pool), which every other system uses anyway.
    /// </summary>
    public int ReceiveThreads { get; init; } = -1;

    /// <summary>Bridge settings (re-clocking).</summary>
    public MediaBridgeOptions Bridge { get; init; } = new();

    /// <summary>Codec and payload choices for offers and answers.</summary>
    public SdpNegotiatorOptions Negotiation { get; init; } = new();

    /// <summary>Media clock settings.</summary>
    public MediaClockOptions Clock { get; init; } = new();
}
