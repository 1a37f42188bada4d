using System.Diagnostics.Metrics;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip;

/// <summary>Everything needed to start a <see cref="SipEndpoint"/>; bind from configuration (<c>Sip:BindAddress</c>, <c>Sip:Port</c>).</summary>
public sealed record SipEndpointOptions
{
    public SipTransportOptions Transport { get; init; } = new();

    public SipTimerOptions Timers { get; init; } = SipTimerOptions.Default;

    public SipUserAgentOptions UserAgent { get; init; } = new();

    /// <summary>Rate limits, call sources and caps (docs/security.md).</summary>
    public SipSecurityOptions Security { get; init; } = SipSecurityOptions.Default;

    /// <summary>When set, REGISTER is served by a registrar with this configuration.</summary>
    public SipRegistrarOptions? Registrar { get; init; }

    /// <summary>Bindings store for the registrar; default in memory.</summary>
    public IRegistrationStore? RegistrationStore { get; init; }

    /// <summary>Passwords for digest authentication; null accepts every REGISTER.</summary>
    public ISipCredentialStore? Credentials { get; init; }

    /// <summary>When set, the stack's figures are published on it (<see cref="Diagnostics.SipInstruments"/>); none by default.</summary>
    public Meter? Meter { get; init; }
}
