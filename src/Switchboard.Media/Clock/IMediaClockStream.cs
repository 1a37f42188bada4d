namespace Switchboard.Media.Clock;

/// <summary>Something the media clock drives every 20 ms (a call leg). Must be quick and must not block or throw.</summary>
public interface IMediaClockStream
{
    /// <summary>
    /// Called on the clock loop once per tick. <paramref name="tick"/> counts 20 ms periods since the clock started;
    /// when ticks were skipped after a stall it jumps, and the stream advances its RTP timestamp accordingly.
    /// </summary>
    void OnTick(long tick);
}
