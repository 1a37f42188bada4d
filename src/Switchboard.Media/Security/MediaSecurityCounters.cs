namespace Switchboard.Media.Security;

/// <summary>Totals of the media security counters since the engine started (for /metrics).</summary>
/// <param name="WrongSourceRtp">RTP datagrams dropped because they came from a source other than the leg's (strict RTP).</param>
/// <param name="WrongSourceRtcp">RTCP datagrams dropped for the same reason.</param>
/// <param name="InboundPortRefusals">Inbound legs refused a port because only the outbound reserve was left.</param>
public readonly record struct MediaSecurityCounters(long WrongSourceRtp, long WrongSourceRtcp, long InboundPortRefusals);
