namespace Switchboard.LoadTool;

/// <summary>One captured IPv4 UDP datagram: capture time in microseconds, ports and the UDP payload.</summary>
public sealed record UdpDatagram(long TimeMicroseconds, int SourcePort, int DestinationPort, byte[] Payload);
