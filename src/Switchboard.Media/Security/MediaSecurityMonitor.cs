using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Security;

/// <summary>
/// The media engine's security counters (observable counters on the engine's meter) and its rate-limited security log lines
/// (<see cref="MediaSecurityLog"/>): each stream reports a wrong source at most once per <see cref="ReportInterval"/>,
/// and the whole engine writes at most <see cref="LinesPerSecond"/> such lines a second.
/// </summary>
internal sealed class MediaSecurityMonitor
{
    /// <summary>How often one stream may report wrong-source packets.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>Security lines the engine writes at most per second (a spray over every port is one burst).</summary>
    public const int LinesPerSecond = 10;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _lineGate = new();
    private readonly Lock _portGate = new();
    private readonly WrongSourceReport _portReport = new();
    private long _wrongSourceRtp;
    private long _wrongSourceRtcp;
    private long _inboundRefusals;
    private long _lineWindowStart;
    private int _linesInWindow;

    public MediaSecurityMonitor(ILogger logger, TimeProvider time, Meter meter)
    {
        _logger = logger;
        _time = time;
        _lineWindowStart = time.GetTimestamp();
        meter.CreateObservableCounter(
            "switchboard.media.wrong_source_packets",
            () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref _wrongSourceRtp), new KeyValuePair<string, object?>("protocol", "rtp")),
                new Measurement<long>(Interlocked.Read(ref _wrongSourceRtcp), new KeyValuePair<string, object?>("protocol", "rtcp")),
            },
            "{packet}",
            "Datagrams dropped because they came from a source other than the leg's signalled or locked one (strict RTP).");
        meter.CreateObservableCounter(
            "switchboard.media.inbound_port_refusals",
            () => Interlocked.Read(ref _inboundRefusals),
            "{leg}",
            "Inbound legs refused an RTP port because only the ports reserved for outbound legs were left.");
    }

    public TimeProvider Time => _time;

    public MediaSecurityCounters Counters =>
        new(Interlocked.Read(ref _wrongSourceRtp), Interlocked.Read(ref _wrongSourceRtcp), Interlocked.Read(ref _inboundRefusals));

    /// <summary>Counts a dropped datagram; now and then writes a line. Allocates only when it writes.</summary>
    public void WrongSource(WrongSourceReport report, bool rtcp, SocketAddress from, int localPort, long now)
    {
        Interlocked.Increment(ref rtcp ? ref _wrongSourceRtcp : ref _wrongSourceRtp);
        if (!report.Count(now, _time, ReportInterval, out var dropped) || !_logger.IsEnabled(LogLevel.Warning) || !TryTakeLine(now))
        {
            return;
        }

        report.Reported(now);
        var source = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
        MediaSecurityLog.WrongSource(_logger, rtcp ? "rtcp" : "rtp", source.Address.ToString(), source.Port, localPort, dropped);
    }

    /// <summary>Counts an inbound leg refused for the outbound reserve; reported at most once per interval.</summary>
    public void InboundRefused(int inUse, int limit, int reserved)
    {
        Interlocked.Increment(ref _inboundRefusals);
        var now = _time.GetTimestamp();
        lock (_portGate)
        {
            if (!_portReport.Count(now, _time, ReportInterval, out var refused) || !TryTakeLine(now))
            {
                return;
            }

            _portReport.Reported(now);
            MediaSecurityLog.InboundPortsExhausted(_logger, inUse, limit, reserved, refused);
        }
    }

    private bool TryTakeLine(long now)
    {
        lock (_lineGate)
        {
            if (_time.GetElapsedTime(_lineWindowStart, now) >= TimeSpan.FromSeconds(1))
            {
                _lineWindowStart = now;
                _linesInWindow = 0;
            }

            if (_linesInWindow >= LinesPerSecond)
            {
                return false;
            }

            _linesInWindow++;
            return true;
        }
    }
}
