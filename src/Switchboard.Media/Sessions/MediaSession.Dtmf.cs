using System.Net;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Sending key presses as RFC 4733 telephone events: per key, one event packet per clock tick in place of audio
/// (same RTP timestamp, the duration growing, the marker bit on the first), the end packet three times (§2.5.1.4),
/// then a pause of audio before the next key.
/// </summary>
public sealed partial class MediaSession
{
    /// <summary>Ticks (20 ms) a key is held before its end packets: 100 ms.</summary>
    public const int DtmfKeyFrames = 5;

    /// <summary>Ticks of audio between two keys: 100 ms.</summary>
    public const int DtmfGapFrames = 5;

    private const int DtmfEndRepeats = 3;

    private readonly Queue<byte> _keysToSend = new();
    private int _keyFrame = -1;
    private int _keyGap;
    private byte _keyEvent;
    private uint _keyTimestamp;

    /// <summary>Keys queued by <see cref="SendDigits"/> and not yet completely sent.</summary>
    public int PendingDigits
    {
        get
        {
            lock (_sendLock)
            {
                return _keysToSend.Count + (_keyFrame >= 0 ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="digits"/> (0-9, *, #, A-D) to be sent as RFC 4733 events from the next tick. Returns false
    /// (nothing queued) when the peer did not negotiate telephone-event or a character is not a key.
    /// </summary>
    public bool SendDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (Media?.TelephoneEventPayloadType is null)
        {
            return false;
        }

        var events = new byte[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            if (EventCode(digits[i]) is not { } code)
            {
                return false;
            }

            events[i] = code;
        }

        lock (_sendLock)
        {
            foreach (var e in events)
            {
                _keysToSend.Enqueue(e);
            }
        }

        return true;
    }

    /// <summary>The RFC 4733 §3.2 event code of a key, or null.</summary>
    public static byte? EventCode(char key) => key switch
    {
        >= '0' and <= '9' => (byte)(key - '0'),
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => (byte)(key - 'A' + 12),
        _ => null,
    };

    // Under _sendLock, once per tick after the timestamp advanced: true when an event packet went instead of audio.
    private bool TrySendTelephoneEvent(int payloadType, SocketAddress remote)
    {
        if (_keyFrame < 0)
        {
            if (_keyGap > 0)
            {
                _keyGap--;
                return false;
            }

            if (!_keysToSend.TryDequeue(out _keyEvent))
            {
                return false;
            }

            _keyFrame = 0;
            _keyTimestamp = _timestamp;
        }

        _keyFrame++;
        var end = _keyFrame >= DtmfKeyFrames;
        var duration = (ushort)(Math.Min(_keyFrame, DtmfKeyFrames) * SamplesPerFrame);
        new RtpHeader((byte)payloadType, _sequence++, _keyTimestamp, Ssrc, Marker: _keyFrame == 1).Write(_sendBuffer);
        new TelephoneEvent(_keyEvent, end, 10, duration).Write(_sendBuffer.AsSpan(RtpHeader.Size));
        Send(_sendBuffer.AsSpan(0, RtpHeader.Size + TelephoneEvent.Size), remote);
        if (_keyFrame >= DtmfKeyFrames + DtmfEndRepeats - 1)
        {
            _keyFrame = -1;
            _keyGap = DtmfGapFrames;
        }

        return true;
    }
}
