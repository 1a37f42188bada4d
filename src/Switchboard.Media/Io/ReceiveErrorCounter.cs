namespace Switchboard.Media.Io;

/// <summary>
/// Exceptions the receive path swallowed: a datagram handler that throws must not stop the loop (or the thread) every
/// other call's media is received on, so the receivers catch it and count it here. Published as
/// <c>switchboard.media.receive.handler_errors</c> on the media meter.
/// </summary>
internal sealed class ReceiveErrorCounter
{
    private long _count;

    /// <summary>Exceptions counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
