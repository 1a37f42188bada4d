using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>Plays <c>count</c> frames whose bytes are 1, 2, 3... (frame number), then finishes.</summary>
internal sealed class FrameSource(int count) : IAudioSource
{
    private int _played;

    public bool TryReadFrame(AudioCodec codec, Span<byte> frame)
    {
        if (_played == count)
        {
            return false;
        }

        frame.Fill((byte)++_played);
        return true;
    }
}
