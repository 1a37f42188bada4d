using System.Diagnostics.Metrics;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Diagnostics;

/// <summary>
/// Publishes one SIP stack's figures as <see cref="System.Diagnostics.Metrics"/> instruments on a meter the host owns
/// (normally <see cref="MeterName"/> from the host's <c>IMeterFactory</c>). The counting itself stays where it is
/// (<see cref="SipTransactionMetrics"/>, <see cref="SipSecurityEvents"/>: one interlocked add on the hot path); these are
/// observable instruments read when the exporter collects. Prometheus names: the instrument name with '.' as '_',
/// counters with <c>_total</c> (docs/operations.md, "Metrics").
/// </summary>
public static class SipInstruments
{
    /// <summary>The meter name the host listens to for the SIP layer.</summary>
    public const string MeterName = "Switchboard.Sip";

    /// <summary>Creates the SIP layer's instruments on <paramref name="meter"/>.</summary>
    public static void Publish(Meter meter, SipNetworkTransport transport, SipTransactionLayer layer, SipUserAgent userAgent, SipSecurityEvents? securityEvents)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(userAgent);
        layer.Metrics.Publish(meter);
        securityEvents?.Publish(meter);
        meter.CreateObservableGauge("switchboard.sip.server_transactions", () => layer.ServerTransactionCount, "{transaction}", "SIP server transactions held now.");
        meter.CreateObservableGauge("switchboard.sip.server_transaction_bytes", () => layer.ServerTransactionBytes, "By", "Received bytes held by SIP server transactions now.");
        meter.CreateObservableGauge("switchboard.sip.unconfirmed_calls", () => userAgent.UnconfirmedCallCount, "{call}", "Incoming calls not yet confirmed by ACK.");
        meter.CreateObservableGauge("switchboard.sip.tcp_connections", () => transport.TcpConnectionCount, "{connection}", "SIP TCP connections open now.");
    }
}
