using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Io;
using Switchboard.Media.Rtcp;
using Switchboard.Media.Rtp;
using Switchboard.Media.Security;

namespace Switchboard.Media.Sessions;

/// <summary>
/// RTCP on port + 1 (RFC 3550 §6): a compound SR (or RR) + SDES CNAME about every 5 s (randomised 0.5-1.5x, first
/// after 2.5 s, §6.3), with a report block for the peer's stream; the peer's reports are read and raised.
/// </summary>
public sealed partial class MediaSession
{
    private static readonly TimeSpan RtcpInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRtcpDelay = TimeSpan.FromSeconds(2.5);

    private readonly Socket _rtcpSocket;
    private readonly IAsyncDisposable _rtcpReceive;
    private readonly DatagramSender _rtcpSender;
    private readonly RtpReceiveStatistics _statistics = new();
    private readonly Lock _statisticsLock = new();
    private readonly byte[] _rtcpBuffer = new byte[512];
    private SocketAddress? _rtcpRemote;
    private SocketAddress? _rtcpDerived;
    private SocketAddress? _rtcpDerivedFrom;
    private string? _cname;
    private long _nextRtcp;
    private long _octetsSent;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private bool _haveSenderReport;

    /// <summary>An RTCP sender or receiver report arrived from the peer (loss and jitter it sees from us).</summary>
    public event EventHandler<RtcpReport>? RtcpReportReceived;

    /// <summary>Our RTCP port (RTP port + 1).</summary>
    public int RtcpPort => ((IPEndPoint)_rtcpSocket.LocalEndPoint!).Port;

    private void RecordStatistics(in RtpHeader header)
    {
        var arrival = (long)(_engine.TimeProvider.GetElapsedTime(0).TotalSeconds * 8000);
        lock (_statisticsLock)
        {
            _statistics.Record(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival);
        }
    }

    /// <summary>Sends our report (due at <see cref="_nextRtcp"/>, a timestamp) and draws the next interval.</summary>
    private void SendRtcp(long now)
    {
        var time = _engine.TimeProvider;
        _nextRtcp = now + (long)(RtcpInterval.TotalSeconds * (0.5 + Random.Shared.NextDouble()) * time.TimestampFrequency);
        var media = Media;
        var remote = Volatile.Read(ref _rtcpRemote) ?? RtcpAddressFromRtp();
        if (media is null || remote is null)
        {
            return;
        }

        // Allocation-free after the leg's first report (the CNAME and the derived RTCP address are kept).
        RtcpReportBlock block = default;
        var blocks = 0;
        lock (_statisticsLock)
        {
            var lsr = _haveSenderReport ? _lastSenderReport : 0u;
            var dlsr = _haveSenderReport ? (uint)(time.GetElapsedTime(_lastSenderReportArrival).TotalSeconds * 65536) : 0u;
            if (_statistics.PacketsReceived > 0)
            {
                block = _statistics.CreateReportBlock(lsr, dlsr);
                blocks = 1;
            }
        }

        var sent = Interlocked.Read(ref _packetsSent);
        var cname = _cname ??= $"switchboard-{_sessionId}@{_engine.Options.AdvertisedAddress ?? _engine.Options.Address}";
        var length = sent > 0
            ? RtcpPacket.WriteCompound(Ssrc, true, RtcpReport.ToNtp(time.GetUtcNow()), _timestamp, (uint)sent, (uint)Interlocked.Read(ref _octetsSent),
                new ReadOnlySpan<RtcpReportBlock>(in block)[..blocks], cname, _rtcpBuffer)
            : RtcpPacket.WriteCompound(Ssrc, false, 0, 0, 0, 0, new ReadOnlySpan<RtcpReportBlock>(in block)[..blocks], cname, _rtcpBuffer);
        _rtcpSender.TrySend(_rtcpBuffer.AsSpan(0, length), remote);
    }

    /// <summary>The peer's RTP address + 1, derived again only when the RTP address changed.</summary>
    private SocketAddress? RtcpAddressFromRtp()
    {
        var rtp = Volatile.Read(ref _remote);
        if (rtp is null)
        {
            return null;
        }

        if (!ReferenceEquals(rtp, _rtcpDerivedFrom))
        {
            var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(rtp);
            _rtcpDerived = endPoint.Port >= 65535 ? null : new IPEndPoint(endPoint.Address, endPoint.Port + 1).Serialize();
            _rtcpDerivedFrom = rtp;
        }

        return _rtcpDerived;
    }

    /// <summary>One datagram at the RTCP port (from the engine's receiver).</summary>
    internal void HandleRtcpDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        // Strict RTCP: a datagram from anyone but the peer neither keeps the call alive nor moves our reports.
        var now = _engine.TimeProvider.GetTimestamp();
        var verdict = _rtcpSource.Check(from, now);
        if (verdict == MediaSourceVerdict.WrongSource)
        {
            _engine.Security.WrongSource(_rtcpWrongSource, rtcp: true, from, _port + 1, now);
            Interlocked.Increment(ref _wrongSourcePackets);
            return;
        }

        if (verdict == MediaSourceVerdict.NotExpected)
        {
            return;
        }

        if (verdict == MediaSourceVerdict.Learnt && _engine.Options.SymmetricRtp)
        {
            Volatile.Write(ref _rtcpRemote, _rtcpSource.Learnt);
        }

        Interlocked.Exchange(ref _lastActivity, now);

        if (!RtcpPacket.TryReadReport(datagram, out var report) || report is null)
        {
            return;
        }

        if (report.IsSenderReport)
        {
            lock (_statisticsLock)
            {
                _lastSenderReport = (uint)(report.NtpTimestamp >> 16);
                _lastSenderReportArrival = _engine.TimeProvider.GetTimestamp();
                _haveSenderReport = true;
            }
        }

        RtcpReportReceived?.Invoke(this, report);
    }
}
