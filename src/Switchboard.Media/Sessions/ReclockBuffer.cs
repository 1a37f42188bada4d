using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sessions;

/// <summary>
/// A bridged leg's re-clocking buffer (<see cref="MediaBridgeOptions.Reclock"/>): the other leg's 20 ms audio frames
/// are stored by RTP sequence number as they arrive (already in this leg's codec) and taken one per clock tick, so a
/// jittery, bursty or reordered source leaves paced at 20 ms in sequence order. Playout starts once
/// <see cref="Depth"/> frames are held; the buffer holds at most <see cref="Capacity"/> (a power of two of at least
/// twice the depth), a burst beyond that drops the oldest frames so the delay stays bounded. A frame that arrives
/// after its tick has passed is dropped (late); a tick whose frame never came sends nothing (lost: the phone conceals
/// it, our timestamps still advance by 20 ms). When the buffer runs dry (the source paused) it fills again to the
/// depth before the next frame leaves, marked as a new talkspurt. A new source SSRC starts it afresh.
/// Allocated once per leg; nothing per packet. Not thread safe: the leg's send lock guards it.
/// </summary>
internal sealed class ReclockBuffer
{
    /// <summary>Bytes of one 20 ms G.711 frame: the only packet size that is re-clocked.</summary>
    public const int FrameBytes = G711.FrameSamples;

    private readonly byte[] _frames;
    private readonly ushort[] _sequences;
    private readonly bool[] _filled;
    private readonly int _mask;
    private int _count;
    private bool _anchored;
    private bool _playing;
    private bool _talkspurt = true;
    private ushort _next;
    private ushort _newest;
    private uint _ssrc;

    /// <param name="depth">Frames held before playout starts (1-16).</param>
    public ReclockBuffer(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MediaBridgeOptions.MaxReclockDepth);
        Depth = depth;
        Capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * depth));
        _mask = Capacity - 1;
        _frames = new byte[Capacity * FrameBytes];
        _sequences = new ushort[Capacity];
        _filled = new bool[Capacity];
    }

    /// <summary>Frames held before playout starts.</summary>
    public int Depth { get; }

    /// <summary>Frames held at most.</summary>
    public int Capacity { get; }

    /// <summary>Frames held now.</summary>
    public int Count => _count;

    /// <summary>Frames dropped because their tick had passed (or they were duplicates).</summary>
    public long Late { get; private set; }

    /// <summary>Frames dropped to keep the delay bounded (a burst beyond <see cref="Capacity"/>).</summary>
    public long Overflow { get; private set; }

    /// <summary>Ticks whose frame never arrived (nothing sent).</summary>
    public long Lost { get; private set; }

    /// <summary>Stores a frame (transcoded from <paramref name="codec"/> to <paramref name="into"/>); false when it was dropped.</summary>
    public bool TryAdd(uint ssrc, ushort sequence, ReadOnlySpan<byte> payload, AudioCodec codec, AudioCodec into)
    {
        if (payload.Length != FrameBytes)
        {
            return false;
        }

        if (!_anchored || ssrc != _ssrc)
        {
            Clear();
            _ssrc = ssrc;
            _next = sequence;
            _newest = sequence;
            _anchored = true;
        }

        var distance = (short)(sequence - _next);
        if (distance < 0)
        {
            // Before playout an earlier frame that came after a later one becomes the start, if it fits.
            if (_playing || (short)(_newest - sequence) >= Capacity)
            {
                Late++;
                return false;
            }

            _next = sequence;
        }
        else if (distance >= Capacity)
        {
            DropBefore((ushort)(sequence - Capacity + 1));
        }

        var slot = sequence & _mask;
        if (_filled[slot])
        {
            Late++; // a duplicate: every held frame lies within one capacity of _next, so the slot holds this sequence
            return false;
        }

        G711.Transcode(codec, into, payload, _frames.AsSpan(slot * FrameBytes, FrameBytes));
        _sequences[slot] = sequence;
        _filled[slot] = true;
        _count++;
        if ((short)(sequence - _newest) > 0)
        {
            _newest = sequence;
        }

        if (!_playing && _count >= Depth)
        {
            _playing = true;
        }

        return true;
    }

    /// <summary>
    /// Takes this tick's frame into <paramref name="frame"/> (160 bytes); false when nothing leaves this tick (filling,
    /// or the frame was lost). <paramref name="marker"/> is true for the first frame of a talkspurt.
    /// </summary>
    public bool TryTake(Span<byte> frame, out bool marker)
    {
        marker = false;
        if (!_playing)
        {
            return false;
        }

        if (_count == 0)
        {
            // Ran dry: the source paused (or stopped). Fill to the depth again; the next frame starts a talkspurt.
            _playing = false;
            _anchored = false;
            _talkspurt = true;
            return false;
        }

        var slot = _next & _mask;
        var sequence = _next++;
        if (!_filled[slot] || _sequences[slot] != sequence)
        {
            Lost++;
            return false;
        }

        _frames.AsSpan(slot * FrameBytes, FrameBytes).CopyTo(frame);
        _filled[slot] = false;
        _count--;
        marker = _talkspurt;
        _talkspurt = false;
        return true;
    }

    /// <summary>Empties the buffer (a bridge starts or ends); the next frame starts a talkspurt.</summary>
    public void Clear()
    {
        Array.Clear(_filled);
        _count = 0;
        _anchored = false;
        _playing = false;
        _talkspurt = true;
    }

    private void DropBefore(ushort first)
    {
        for (var slot = 0; slot < Capacity; slot++)
        {
            if (_filled[slot] && (short)(_sequences[slot] - first) < 0)
            {
                _filled[slot] = false;
                _count--;
                Overflow++;
            }
        }

        _next = first;
    }
}
