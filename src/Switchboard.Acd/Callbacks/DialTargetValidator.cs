using System.Globalization;

namespace Switchboard.Acd.Callbacks;

/// <summary>
/// Checks a dial target (a phone number, <c>tel:</c> URI or <c>sip:</c>/<c>sips:</c> URI) under a
/// <see cref="DialTargetPolicy"/>: numbers through <see cref="PhoneNumberValidator"/>; SIP URIs only as
/// <c>sip:user@host[:port]</c> with no parameters, headers, escapes, quotes, brackets or spaces (anything that could
/// inject SIP syntax into a Request-URI or Refer-To), the host in the allowed domains, and a numeric user part under the
/// number policy too. Pure: no I/O, never throws.
/// </summary>
public static class DialTargetValidator
{
    private const int MaxLength = 256;
    private const int MaxUserLength = 64;

    /// <summary>Validates <paramref name="target"/> under <paramref name="policy"/> (null: <see cref="DialTargetPolicy.Default"/>).</summary>
    public static DialTargetValidation Validate(string? target, DialTargetPolicy? policy = null)
    {
        policy ??= DialTargetPolicy.Default;
        var text = target?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return DialTargetValidation.Refuse("no target was given");
        }

        if (text.Length > MaxLength || text.Any(char.IsControl))
        {
            return DialTargetValidation.Refuse($"the target is longer than {MaxLength} characters or holds control characters");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon].ToLowerInvariant() : string.Empty;
        if (scheme is "sip" or "sips")
        {
            return SipTarget(scheme, text[(colon + 1)..], policy);
        }

        if (scheme is "tel" || (text[0] is '+' or '(' || char.IsAsciiDigit(text[0])))
        {
            var number = PhoneNumberValidator.Validate(text, policy.Numbers);
            return number.IsValid
                ? new DialTargetValidation(number.E164, false, null)
                : DialTargetValidation.Refuse($"number refused ({number.Refusal}): {number.Reason}");
        }

        return DialTargetValidation.Refuse("not a phone number or a sip: URI");
    }

    private static DialTargetValidation SipTarget(string scheme, string rest, DialTargetPolicy policy)
    {
        foreach (var c in rest)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_' or '@' or ':' or '[' or ']'))
            {
                return DialTargetValidation.Refuse($"'{c}' is not allowed in a SIP target (only sip:user@host[:port], no parameters or headers)", true);
            }
        }

        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || rest.IndexOf('@', at + 1) >= 0)
        {
            return DialTargetValidation.Refuse("a SIP target needs exactly one user part: sip:user@host", true);
        }

        var user = rest[..at];
        if (SplitHostPort(rest[(at + 1)..]) is not var (host, port))
        {
            return DialTargetValidation.Refuse("the SIP target's host or port is malformed", true);
        }

        if (!policy.AllowedSipDomains.Any(d => string.Equals(d.Trim(), host, StringComparison.OrdinalIgnoreCase)))
        {
            return DialTargetValidation.Refuse($"SIP domain '{host}' is not in Transfer:AllowedSipDomains", true);
        }

        if (user.Length > MaxUserLength)
        {
            return DialTargetValidation.Refuse($"the SIP user part is longer than {MaxUserLength} characters", true);
        }

        if (user[0] == '+' || char.IsAsciiDigit(user[0]))
        {
            // A number at an allowed host is still a number: the host may be a gateway to the public network.
            if (!user.Skip(user[0] == '+' ? 1 : 0).All(char.IsAsciiDigit))
            {
                return DialTargetValidation.Refuse("a numeric SIP user part holds digits only (optionally after +)", true);
            }

            var number = PhoneNumberValidator.Validate(user, policy.Numbers);
            if (!number.IsValid)
            {
                return DialTargetValidation.Refuse($"number refused ({number.Refusal}): {number.Reason}", true);
            }
        }
        else if (!char.IsAsciiLetter(user[0]) || user.Contains(':', StringComparison.Ordinal) || user.Contains('[', StringComparison.Ordinal) || user.Contains(']', StringComparison.Ordinal))
        {
            return DialTargetValidation.Refuse("a SIP user part is a number or a name starting with a letter", true);
        }

        var normalized = port is { } p ? $"{scheme}:{user}@{host}:{p.ToString(CultureInfo.InvariantCulture)}" : $"{scheme}:{user}@{host}";
        return new DialTargetValidation(normalized, true, null);
    }

    /// <summary>host (name, IPv4 or [IPv6]) and optional port 1-65535; null when malformed.</summary>
    private static (string Host, int? Port)? SplitHostPort(string hostPort)
    {
        string host;
        string portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 3 || hostPort.AsSpan(1, close - 1).ContainsAnyExcept("0123456789abcdefABCDEF:."))
            {
                return null;
            }

            host = hostPort[..(close + 1)];
            portText = hostPort[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return null;
            }

            portText = portText.Length > 0 ? portText[1..] : string.Empty;
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon >= 0 ? hostPort[..colon] : hostPort;
            portText = colon >= 0 ? hostPort[(colon + 1)..] : string.Empty;
            if (host.Length == 0 || host.Contains('[', StringComparison.Ordinal) || host.Contains(']', StringComparison.Ordinal)
                || host.Split('.').Any(label => label.Length == 0 || label.Contains('_', StringComparison.Ordinal) || label.Contains('+', StringComparison.Ordinal) || label.StartsWith('-')))
            {
                return null;
            }
        }

        if (portText.Length == 0)
        {
            return hostPort.EndsWith(':') ? null : (host, null);
        }

        return portText.Length <= 5 && portText.All(char.IsAsciiDigit) && int.Parse(portText, CultureInfo.InvariantCulture) is >= 1 and <= 65535 and var port
            ? (host, port)
            : null;
    }
}
