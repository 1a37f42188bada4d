using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;

namespace Switchboard.Media.Prompts;

/// <summary>
/// Plays a playlist of prompts for one call (e.g. <c>position_prefix</c>, <c>num_3</c>, <c>position_suffix</c>),
/// one 20 ms frame per <see cref="TryReadFrame"/>, copying pre-encoded frames: no allocation per frame. Each prompt's
/// last frame is padded with silence, so the playlist lasts exactly the sum of the prompts' <see cref="Prompt.FrameCount"/>.
/// Type-ahead: the caller calls <see cref="Stop"/> on a DTMF digit (any thread); the next read returns false.
/// </summary>
public sealed class PromptPlayer : IAudioSource
{
    private readonly Prompt[] _playlist;
    private int _index;
    private int _frame;
    private volatile bool _stopped;

    /// <summary>Creates a player for <paramref name="playlist"/> (copied; an empty playlist finishes at once).</summary>
    public PromptPlayer(params IEnumerable<Prompt> playlist)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        _playlist = [.. playlist];
        foreach (var prompt in _playlist)
        {
            ArgumentNullException.ThrowIfNull(prompt, nameof(playlist));
        }

        TotalFrames = _playlist.Sum(p => p.FrameCount);
    }

    /// <summary>The prompts played, in order.</summary>
    public IReadOnlyList<Prompt> Playlist => _playlist;

    /// <summary>Frames the whole playlist lasts.</summary>
    public int TotalFrames { get; }

    /// <summary>Frames written so far.</summary>
    public int FramesPlayed { get; private set; }

    /// <summary>True when the playlist has played to its end or <see cref="Stop"/> was called.</summary>
    public bool IsFinished => _stopped || _index >= _playlist.Length;

    /// <summary>True when <see cref="Stop"/> cut playback short.</summary>
    public bool IsStopped => _stopped;

    /// <summary>Stops playback (DTMF type-ahead, hang-up): the next <see cref="TryReadFrame"/> returns false. Idempotent.</summary>
    public void Stop() => _stopped = true;

    /// <summary>
    /// Starts the playlist again from its first frame (a menu's "press star to repeat"), clearing <see cref="Stop"/>.
    /// Call it from the thread that reads frames.
    /// </summary>
    public void Rewind()
    {
        _index = 0;
        _frame = 0;
        FramesPlayed = 0;
        _stopped = false;
    }

    /// <inheritdoc />
    public bool TryReadFrame(AudioCodec codec, Span<byte> frame)
    {
        if (frame.Length < Prompt.FrameSize)
        {
            throw new ArgumentException($"A frame holds {Prompt.FrameSize} bytes; got {frame.Length}.", nameof(frame));
        }

        while (!_stopped && _index < _playlist.Length)
        {
            var prompt = _playlist[_index];
            if (_frame < prompt.FrameCount)
            {
                prompt.Frame(codec, _frame).CopyTo(frame);
                _frame++;
                FramesPlayed++;
                return true;
            }

            _index++;
            _frame = 0;
        }

        return false;
    }
}
