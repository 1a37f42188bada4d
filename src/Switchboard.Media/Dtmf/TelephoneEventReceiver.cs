namespace Switchboard.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets into key presses, each reported exactly once. An event is identified by
/// SSRC + RTP timestamp (§2.5.1.1: all packets of one event share the timestamp), not by sequence number, because
/// senders repeat the end packet (§2.5.1.4), SIPp even with the same sequence number. A press is reported when its
/// end packet arrives, when a different event starts (the end was lost), or when <see cref="CheckTimeout"/> finds it
/// silent for longer than the timeout. Not thread safe: one receive loop owns it.
/// </summary>
public sealed class TelephoneEventReceiver
{
    private const int RememberedEvents = 16;

    private readonly Action<DtmfDigit> _onDigit;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly (uint Ssrc, uint Timestamp)[] _finished = new (uint, uint)[RememberedEvents];
    private int _finishedCount;
    private int _finishedNext;
    private bool _active;
    private (uint Ssrc, uint Timestamp) _current;
    private char _currentDigit;
    private ushort _currentDuration;
    private long _lastPacket;

    /// <summary>Creates a receiver that calls <paramref name="onDigit"/> once per press.</summary>
    /// <param name="onDigit">Called on the receive loop's thread.</param>
    /// <param name="timeProvider">Clock for the end-loss timeout.</param>
    /// <param name="timeout">How long an event may stay silent without an end packet before it is reported (default 1 s).</param>
    public TelephoneEventReceiver(Action<DtmfDigit> onDigit, TimeProvider? timeProvider = null, TimeSpan? timeout = null)
    {
        _onDigit = onDigit ?? throw new ArgumentNullException(nameof(onDigit));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _timeout = timeout ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Handles the payload of one telephone-event RTP packet. Malformed or non-DTMF events are ignored.</summary>
    public void Process(uint ssrc, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out var value) || DtmfDigit.FromEventCode(value.Event) is not { } digit)
        {
            return;
        }

        var key = (ssrc, timestamp);
        if (IsFinished(key))
        {
            return;
        }

        if (_active && _current != key)
        {
            Finish();
        }

        if (!_active)
        {
            _active = true;
            _current = key;
            _currentDigit = digit;
            _currentDuration = 0;
        }

        _currentDuration = Math.Max(_currentDuration, value.Duration);
        _lastPacket = _timeProvider.GetTimestamp();
        if (value.End)
        {
            Finish();
        }
    }

    /// <summary>True while an event has started and not ended: only then can <see cref="CheckTimeout"/> report anything.</summary>
    public bool IsActive => Volatile.Read(ref _active);

    /// <summary>Reports a press whose end packets were all lost once it has been silent past the timeout.</summary>
    public void CheckTimeout()
    {
        if (_active && _timeProvider.GetElapsedTime(_lastPacket) >= _timeout)
        {
            Finish();
        }
    }

    private bool IsFinished((uint, uint) key)
    {
        for (var i = 0; i < _finishedCount; i++)
        {
            if (_finished[i] == key)
            {
                return true;
            }
        }

        return false;
    }

    private void Finish()
    {
        _active = false;
        _finished[_finishedNext] = _current;
        _finishedNext = (_finishedNext + 1) % RememberedEvents;
        _finishedCount = Math.Min(_finishedCount + 1, RememberedEvents);
        _onDigit(new DtmfDigit(_currentDigit, DtmfSource.Rfc4733, TimeSpan.FromMilliseconds(_currentDuration / 8.0)));
    }
}
