using Switchboard.Acd.Callbacks;
using Switchboard.Server.Callbacks;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

/// <summary>
/// Where an external transfer goes: the Request-URI, the digest credentials to answer a challenge with, and what to
/// show in logs and events; or why it is refused (toll-fraud guard, see <see cref="TransferOptions"/>).
/// </summary>
/// <param name="Uri">The Request-URI of the INVITE; null when refused.</param>
/// <param name="Credentials">The trunk's credentials for numbers dialled through it.</param>
/// <param name="Display">The normalised target (E.164 number or the SIP URI).</param>
/// <param name="Refusal">Why the target may not be called; null when allowed.</param>
public sealed record TransferTarget(SipUri? Uri, SipCredentials? Credentials, string Display, string? Refusal)
{
    /// <summary>
    /// A number becomes <c>sip:{E.164}@{trunk host[:port]}</c> when it passes <paramref name="policy"/>; a <c>sip:</c> URI
    /// is allowed when its host is one of <see cref="TransferOptions.AllowedSipDomains"/>.
    /// </summary>
    public static TransferTarget Resolve(string? target, TrunkOptions trunk, TransferOptions options, PhoneNumberPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        ArgumentNullException.ThrowIfNull(options);
        var text = target?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Any(char.IsControl))
        {
            return Refused(text, "no target");
        }

        if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            if (!SipUri.TryParse(text, out var uri) || !uri.IsSip || string.IsNullOrEmpty(uri.Host))
            {
                return Refused(text, "not a SIP URI");
            }

            return options.AllowedSipDomains.Any(d => string.Equals(d.Trim(), uri.HostAddress, StringComparison.OrdinalIgnoreCase))
                ? new TransferTarget(uri, null, uri.ToString(), null)
                : Refused(text, $"SIP domain '{uri.HostAddress}' is not in Transfer:AllowedSipDomains");
        }

        var validation = PhoneNumberValidator.Validate(text, policy);
        if (!validation.IsValid)
        {
            return Refused(text, $"number refused ({validation.Refusal}): {validation.Reason}");
        }

        if (string.IsNullOrWhiteSpace(trunk.Uri) || !SipUri.TryParse(trunk.Uri, out var trunkUri) || string.IsNullOrEmpty(trunkUri.Host))
        {
            return Refused(validation.E164!, "no outbound trunk configured (Trunk:Uri)");
        }

        var credentials = string.IsNullOrEmpty(trunk.Username) || string.IsNullOrEmpty(trunk.Password) ? null : new SipCredentials(trunk.Username, trunk.Password);
        return new TransferTarget(trunkUri with { User = validation.E164 }, credentials, validation.E164!, null);
    }

    private static TransferTarget Refused(string display, string reason) => new(null, null, display, reason);
}
