using System.Net;

namespace Switchboard.Media.Io;

/// <summary>
/// Takes one received datagram. <paramref name="from"/> is reused for the next datagram: copy it to keep it. Runs on a
/// media receive thread (or the portable receive loop), never concurrently for one socket; must return quickly.
/// </summary>
internal delegate void DatagramHandler(ReadOnlySpan<byte> datagram, SocketAddress from);
