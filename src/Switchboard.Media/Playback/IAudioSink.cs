namespace Switchboard.Media.Playback;

/// <summary>
/// Something that takes what a leg hears: the peer's audio, decoded to 16-bit linear PCM at 8 kHz, one RTP packet
/// at a time (e.g. a recorder). Called on the leg's receive loop: must return quickly and not keep the span.
/// </summary>
public interface IAudioSink
{
    /// <summary>One packet's samples (8 kHz, mono), in arrival order.</summary>
    void Write(ReadOnlySpan<short> samples);
}
