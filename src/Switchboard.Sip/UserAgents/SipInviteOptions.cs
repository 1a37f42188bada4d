using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgents;

/// <summary>Options for an outgoing call (<see cref="SipUserAgent.InviteAsync"/>).</summary>
public sealed record SipInviteOptions
{
    public static readonly SipInviteOptions Default = new();

    /// <summary>Our identity in From; default <c>sip:{ContactUser}@{public host}</c>.</summary>
    public SipNameAddress? From { get; init; }

    /// <summary>Credentials for a 401/407 challenge; answered once.</summary>
    public SipCredentials? Credentials { get; init; }

    /// <summary>How long to ring before sending CANCEL. Default 60 s.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Send here instead of resolving the Request-URI (e.g. the registered contact's source address).</summary>
    public SipEndPoint? Destination { get; init; }

    /// <summary>Transport when the URI does not say (transport parameter). Default UDP.</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>Called for each provisional response (180 Ringing, 183 Session Progress).</summary>
    public Action<SipResponse>? OnProvisional { get; init; }

    /// <summary>Extra headers, e.g. P-Asserted-Identity.</summary>
    public IReadOnlyList<SipHeader> ExtraHeaders { get; init; } = [];
}
