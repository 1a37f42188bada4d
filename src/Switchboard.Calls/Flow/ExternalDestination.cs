using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Calls.Flow;

/// <summary>A number through the trunk or an allowed SIP URI: the caller hears music, the target rings.</summary>
/// <param name="Uri">The INVITE's Request-URI.</param>
/// <param name="Credentials">Digest credentials for the trunk's challenge, if any.</param>
/// <param name="Target">The normalised target (E.164 number or the URI).</param>
public sealed record ExternalDestination(SipUri Uri, SipCredentials? Credentials, string Target) : TransferDestination
{
    /// <inheritdoc />
    public override string Display => Target;
}
