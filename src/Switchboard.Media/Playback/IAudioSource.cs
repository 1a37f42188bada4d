using Switchboard.Media.Codecs;

namespace Switchboard.Media.Playback;

/// <summary>
/// Something a call can hear: a prompt, a playlist, music on hold. One instance per call (it holds the
/// read position); the audio behind it is shared. The media clock pulls one 20 ms frame per tick.
/// </summary>
public interface IAudioSource
{
    /// <summary>
    /// Writes the next 20 ms frame (160 bytes of G.711 in <paramref name="codec"/>) into <paramref name="frame"/>.
    /// Returns false when the source has finished (nothing was written). Must not allocate.
    /// </summary>
    bool TryReadFrame(AudioCodec codec, Span<byte> frame);
}
