using System.Net;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtcp;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Fuzzing.Targets;

/// <summary>
/// A datagram at a call's RTP port: the RTP, RTCP and RFC 4733 readers on their own (with the receive statistics,
/// the telephone-event receiver and in-band detection behind them), then the whole receive path of a real
/// <see cref="MediaSession"/> as if it came from the peer (source check, payload routing, DTMF).
/// </summary>
internal sealed class RtpTarget : FuzzTarget
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    private readonly RtpReceiveStatistics _statistics = new();
    private readonly TelephoneEventReceiver _events;
    private readonly InBandDtmfDetector _inBand;
    private readonly short[] _samples = new short[4096];
    private readonly MediaEngine _engine;
    private readonly MediaSession _session;
    private readonly SocketAddress _peer = new IPEndPoint(IPAddress.Loopback, 41000).Serialize();
    private int _digits;
    private long _arrival;

    public RtpTarget()
    {
        _events = new TelephoneEventReceiver(_ => _digits++);
        _inBand = new InBandDtmfDetector(_ => _digits++);
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 47000, PortRangeEnd = 47998, InBandDtmfDetection = true, RtpInactivityTimeout = TimeSpan.Zero });
        _session = _engine.CreateSession(startClock: false);
        _session.AcceptOffer(Offer);
        _session.DigitReceived += (_, _) => _digits++;
    }

    public override string Name => "rtp";

    public override int MaxLength => 1500;

    public override int Run(ReadOnlySpan<byte> input)
    {
        var outcome = HashCode.Combine(RtpPacket.LooksLikeRtcp(input), RtcpPacket.TryReadReport(input, out var report), report?.Blocks.Count, report?.IsSenderReport);
        if (RtpHeader.TryRead(input, out var header, out var payload))
        {
            _statistics.Record(header.Ssrc, header.SequenceNumber, header.Timestamp, _arrival += 160);
            _statistics.CreateReportBlock();
            outcome = HashCode.Combine(outcome, header.PayloadType, header.Marker, payload.Length > 160);
            if (TelephoneEvent.TryRead(payload, out var value))
            {
                _events.Process(header.Ssrc, header.Timestamp, payload);
                outcome = HashCode.Combine(outcome, value.Event > 16, value.End);
            }

            var samples = _samples.AsSpan(0, Math.Min(payload.Length, _samples.Length));
            G711.Decode(header.PayloadType == 8 ? AudioCodec.Pcma : AudioCodec.Pcmu, payload[..samples.Length], samples);
            _inBand.Process(samples);
        }

        outcome = HashCode.Combine(outcome, RtpPacket.TryParse(input, out var packet), packet.Payload.Length == 0);
        _session.HandleDatagram(input, _peer);
        return outcome;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
