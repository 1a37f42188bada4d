namespace Switchboard.Media.Sessions;

/// <summary>Who started the leg: decides which part of the RTP port range it may take (<see cref="MediaOptions.OutboundPortReservePercent"/>).</summary>
public enum MediaLegDirection
{
    /// <summary>A call that came to us (a caller's INVITE): may not take the ports reserved for outbound legs.</summary>
    Inbound,

    /// <summary>A leg we dial (an agent's phone, a transfer target, a callback): may take any free port.</summary>
    Outbound,
}
