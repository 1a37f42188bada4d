using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Sip.Security;

/// <summary>
/// Reports the SIP layer's security events: one log line each through <see cref="SipSecurityLog"/> (category
/// <see cref="Category"/>) and a counter per <see cref="SipSecurityEvent"/>, readable with <see cref="Count"/> and
/// published by <see cref="Publish"/> as the observable counter <c>switchboard.sip.security.events</c> (tag <c>event</c>;
/// on <c>/metrics</c> <c>switchboard_sip_security_events_total</c>). Lines for a full cap are written at most once per
/// <see cref="CapLogInterval"/> per cap.
/// </summary>
public sealed class SipSecurityEvents
{
    /// <summary>The logger category of every security event.</summary>
    public const string Category = "Switchboard.Security";

    /// <summary>A full cap is logged once per this interval (each refusal is still counted).</summary>
    public static readonly TimeSpan CapLogInterval = TimeSpan.FromSeconds(10);

    private static readonly SipSecurityEvent[] All = Enum.GetValues<SipSecurityEvent>();
    private readonly long[] _counts = new long[All.Length];
    private readonly Dictionary<string, long> _capLogged = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public SipSecurityEvents(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Category);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the observable counter <c>switchboard.sip.security.events</c> (tag <c>event</c>) on <paramref name="meter"/>.</summary>
    public void Publish(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableCounter("switchboard.sip.security.events", Observe, "{event}", "SIP security events on this node by kind (docs/security.md).");
    }

    internal ILogger Logger { get; }

    /// <summary>Snake-case label of an event kind, as on <c>/metrics</c> (<c>source_banned</c>, ...).</summary>
    public static string Label(SipSecurityEvent kind) => kind switch
    {
        SipSecurityEvent.SourceBanned => "source_banned",
        SipSecurityEvent.FloodDropped => "flood_dropped",
        SipSecurityEvent.InviteSourceRefused => "call_source_refused",
        SipSecurityEvent.CapacityRefused => "capacity_refused",
        SipSecurityEvent.AuthenticationFailed => "authentication_failed",
        SipSecurityEvent.AccountLockedOut => "account_locked_out",
        SipSecurityEvent.SourceLockedOut => "source_locked_out",
        SipSecurityEvent.LockedOutRefused => "locked_out_refused",
        SipSecurityEvent.TcpConnectionRefused => "tcp_connection_refused",
        SipSecurityEvent.TcpIdleClosed => "tcp_idle_closed",
        _ => kind.ToString(),
    };

    /// <summary>Every event kind with its count so far.</summary>
    public IReadOnlyList<(SipSecurityEvent Kind, long Count)> Snapshot() => [.. All.Select(k => (k, Count(k)))];

    public long Count(SipSecurityEvent kind) => Interlocked.Read(ref _counts[(int)kind]);

    internal void Increment(SipSecurityEvent kind) => Interlocked.Increment(ref _counts[(int)kind]);

    internal void SourceBanned(IPAddress source, SourceRateLimitOptions options)
    {
        Increment(SipSecurityEvent.SourceBanned);
        SipSecurityLog.SourceBanned(Logger, source.ToString(), (int)options.BanDuration.TotalSeconds, options.MessagesPerSecond);
    }

    internal void CallSourceRefused(IPAddress source)
    {
        Increment(SipSecurityEvent.InviteSourceRefused);
        SipSecurityLog.CallSourceRefused(Logger, source.ToString());
    }

    internal void CapacityRefused(IPAddress source, string cap, long limit)
    {
        Increment(SipSecurityEvent.CapacityRefused);
        var now = _timeProvider.GetTimestamp();
        lock (_capLogged)
        {
            if (_capLogged.TryGetValue(cap, out var last) && _timeProvider.GetElapsedTime(last, now) < CapLogInterval)
            {
                return;
            }

            _capLogged[cap] = now;
        }

        SipSecurityLog.CapacityRefused(Logger, source.ToString(), cap, limit);
    }

    internal void AuthenticationFailed(IPAddress? source, string reason)
    {
        Increment(SipSecurityEvent.AuthenticationFailed);
        SipSecurityLog.AuthenticationFailed(Logger, source?.ToString() ?? "unknown", reason);
    }

    internal void AccountLockedOut(IPAddress? source, TimeSpan duration, int failures, string accountHash)
    {
        Increment(SipSecurityEvent.AccountLockedOut);
        SipSecurityLog.AccountLockedOut(Logger, source?.ToString() ?? "unknown", (int)Math.Ceiling(duration.TotalSeconds), failures, accountHash);
    }

    internal void SourceLockedOut(IPAddress source, TimeSpan duration, int failures)
    {
        Increment(SipSecurityEvent.SourceLockedOut);
        SipSecurityLog.SourceLockedOut(Logger, source.ToString(), (int)Math.Ceiling(duration.TotalSeconds), failures);
    }

    internal void LockedOutRefused(IPAddress? source, string reason)
    {
        Increment(SipSecurityEvent.LockedOutRefused);
        SipSecurityLog.LockedOutRefused(Logger, source?.ToString() ?? "unknown", reason);
    }

    internal void TcpConnectionRefused(IPAddress source, string cap, int limit)
    {
        Increment(SipSecurityEvent.TcpConnectionRefused);
        SipSecurityLog.TcpConnectionRefused(Logger, source.ToString(), cap, limit);
    }

    internal void TcpIdleClosed(IPAddress source, TimeSpan idle)
    {
        Increment(SipSecurityEvent.TcpIdleClosed);
        SipSecurityLog.TcpIdleClosed(Logger, source.ToString(), (int)idle.TotalSeconds);
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        foreach (var kind in All)
        {
            yield return new Measurement<long>(Count(kind), new KeyValuePair<string, object?>("event", Label(kind)));
        }
    }
}
