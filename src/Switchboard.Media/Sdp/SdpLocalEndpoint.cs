namespace Switchboard.Media.Sdp;

/// <summary>What we put in our own SDP: the RTP address/port and the origin's session id/version (RFC 4566 §5.2).</summary>
/// <param name="Address">The address peers send RTP to (<c>c=</c> and <c>o=</c>).</param>
/// <param name="Port">Our RTP port (even; RTCP is port + 1, RFC 3550 §11).</param>
/// <param name="SessionId">Stable per session.</param>
/// <param name="SessionVersion">Incremented for every new offer or changed answer in the dialog (RFC 3264 §8).</param>
public sealed record SdpLocalEndpoint(string Address, int Port, long SessionId, long SessionVersion);
