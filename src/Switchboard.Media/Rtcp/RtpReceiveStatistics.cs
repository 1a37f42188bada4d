namespace Switchboard.Media.Rtcp;

/// <summary>
/// Reception statistics of one source for receiver reports: extended highest sequence, loss and interarrival
/// jitter as in RFC 3550 appendix A.1, A.3 and A.8. Not thread safe: one receive loop owns it.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private bool _started;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _lastTransit;
    private double _jitter;

    /// <summary>The SSRC observed (the last one when the peer changed it).</summary>
    public uint Ssrc { get; private set; }

    /// <summary>Packets received.</summary>
    public long PacketsReceived => _received;

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Records one packet. <paramref name="arrival"/> is the arrival time in RTP timestamp units (8 kHz).</summary>
    public void Record(uint ssrc, ushort sequence, uint rtpTimestamp, long arrival)
    {
        if (!_started || ssrc != Ssrc)
        {
            _started = true;
            Ssrc = ssrc;
            _maxSequence = sequence;
            _baseSequence = sequence;
            _cycles = 0;
            _received = 0;
            _expectedPrior = 0;
            _receivedPrior = 0;
            _jitter = 0;
            _lastTransit = arrival - rtpTimestamp;
        }

        var delta = (ushort)(sequence - _maxSequence);
        if (delta is > 0 and < 3000)
        {
            if (sequence < _maxSequence)
            {
                _cycles += 1u << 16;
            }

            _maxSequence = sequence;
        }

        _received++;
        var transit = arrival - rtpTimestamp;
        var d = Math.Abs(transit - _lastTransit);
        _lastTransit = transit;
        _jitter += (d - _jitter) / 16.0;
    }

    /// <summary>Creates a report block and starts a new interval for the fraction lost (RFC 3550 A.3).</summary>
    public RtcpReportBlock CreateReportBlock(uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        var extendedMax = _cycles + _maxSequence;
        var expected = _started ? (long)extendedMax - _baseSequence + 1 : 0;
        var lost = expected - _received;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        return new RtcpReportBlock(Ssrc, (byte)fraction, (int)Math.Clamp(lost, -0x800000, 0x7FFFFF), extendedMax, Jitter, lastSenderReport,
            delaySinceLastSenderReport);
    }
}
