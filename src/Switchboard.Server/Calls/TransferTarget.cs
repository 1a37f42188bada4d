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
    /// The target must pass <see cref="DialTargetValidator"/> (the one number policy, applied to a SIP URI's user part
    /// too, and no SIP syntax beyond <c>sip:user@host[:port]</c>). A number becomes <c>sip:{E.164}@{trunk host[:port]}</c>;
    /// a <c>sip:</c> URI is allowed when its host is one of <see cref="TransferOptions.AllowedSipDomains"/>.
    /// </summary>
    public static TransferTarget Resolve(string? target, TrunkOptions trunk, TransferOptions options, PhoneNumberPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        ArgumentNullException.ThrowIfNull(options);
        var text = target?.Trim() ?? string.Empty;
        var check = DialTargetValidator.Validate(text, new DialTargetPolicy { Numbers = policy ?? PhoneNumberPolicy.Default, AllowedSipDomains = options.AllowedSipDomains });
        if (!check.IsValid)
        {
            return Refused(text, check.Refusal ?? "refused");
        }

        if (check.IsSipUri)
        {
            return SipUri.TryParse(check.Normalized!, out var uri) && uri.IsSip
                ? new TransferTarget(uri, null, uri.ToString(), null)
                : Refused(text, "not a SIP URI");
        }

        var e164 = check.Normalized!;
        if (string.IsNullOrWhiteSpace(trunk.Uri) || !SipUri.TryParse(trunk.Uri, out var trunkUri) || string.IsNullOrEmpty(trunkUri.Host))
        {
            return Refused(e164, "no outbound trunk configured (Trunk:Uri)");
        }

        var credentials = string.IsNullOrEmpty(trunk.Username) || string.IsNullOrEmpty(trunk.Password) ? null : new SipCredentials(trunk.Username, trunk.Password);
        return new TransferTarget(trunkUri with { User = e164 }, credentials, e164, null);
    }

    private static TransferTarget Refused(string display, string reason) => new(null, null, display, reason);
}
