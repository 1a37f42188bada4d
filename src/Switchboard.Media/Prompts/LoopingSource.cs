using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;

namespace Switchboard.Media.Prompts;

/// <summary>
/// Plays one prompt over and over (music on hold) until <see cref="Stop"/>: no allocation per frame. The prompt's last
/// frame is followed by its first; music_on_hold.wav is written to be a whole number of frames and to loop smoothly.
/// </summary>
public sealed class LoopingSource : IAudioSource
{
    private readonly Prompt _prompt;
    private int _frame;
    private volatile bool _stopped;

    /// <summary>Loops <paramref name="prompt"/> starting at frame <paramref name="startFrame"/> (wrapped into range).</summary>
    public LoopingSource(Prompt prompt, int startFrame = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompt = prompt;
        _frame = prompt.FrameCount == 0 ? 0 : (int)((uint)startFrame % (uint)prompt.FrameCount);
    }

    /// <summary>The prompt being looped.</summary>
    public Prompt Prompt => _prompt;

    /// <summary>Frames written so far.</summary>
    public long FramesPlayed { get; private set; }

    /// <summary>How many times playback wrapped from the end back to the start.</summary>
    public int Loops { get; private set; }

    /// <summary>Stops playback: the next <see cref="TryReadFrame"/> returns false. Idempotent, any thread.</summary>
    public void Stop() => _stopped = true;

    /// <inheritdoc />
    public bool TryReadFrame(AudioCodec codec, Span<byte> frame)
    {
        if (frame.Length < Prompt.FrameSize)
        {
            throw new ArgumentException($"A frame holds {Prompt.FrameSize} bytes; got {frame.Length}.", nameof(frame));
        }

        if (_stopped || _prompt.FrameCount == 0)
        {
            return false;
        }

        _prompt.Frame(codec, _frame).CopyTo(frame);
        FramesPlayed++;
        if (++_frame == _prompt.FrameCount)
        {
            _frame = 0;
            Loops++;
        }

        return true;
    }
}
