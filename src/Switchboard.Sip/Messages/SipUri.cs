using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1), a tel URI (RFC 3966) or any other absolute URI kept opaque.
/// Components are kept as received (escaped); <see cref="UserUnescaped"/> decodes %HH (§19.1.2).
/// </summary>
public sealed record SipUri
{
    /// <summary>Lower-case scheme: "sip", "sips", "tel" or another scheme.</summary>
    public required string Scheme { get; init; }

    /// <summary>User part (escaped as received), or the telephone number of a tel URI; null when absent.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Host name, IPv4 address, or IPv6 reference including brackets. Empty for tel and opaque URIs.</summary>
    public string Host { get; init; } = string.Empty;

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = SipParameters.Empty;

    /// <summary>The <c>?h=v&amp;...</c> part without '?', or null (RFC 3261 §19.1.1 headers).</summary>
    public string? Headers { get; init; }

    /// <summary>Scheme-specific part of a URI scheme this stack does not interpret (RFC 3261 §19.1 absoluteURI).</summary>
    public string? Opaque { get; init; }

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    public string? UserUnescaped => User is null ? null : SipSyntax.Unescape(User);

    /// <summary>Host without IPv6 brackets, for address resolution.</summary>
    public string HostAddress => Host.StartsWith('[') ? Host[1..^1] : Host;

    /// <summary>The transport parameter, lower case, or null.</summary>
    public string? Transport => Parameters.Get("transport")?.ToLowerInvariant();

    /// <summary>Creates <c>sip:user@host[:port]</c>.</summary>
    public static SipUri Create(string? user, string host, int? port = null) => new() { Scheme = "sip", User = user, Host = host, Port = port };

    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"Invalid SIP URI: '{text}'");

    /// <summary>Parses a URI; fails (no exception) on whitespace, a bad host or port, or malformed parameters.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(text) || SipSyntax.ContainsWhitespace(text) || text.Length > 4096)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var scheme = text[..colon];
        if (!char.IsAsciiLetter(scheme[0]) || !scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return false;
        }

        scheme = scheme.ToLowerInvariant();
        var rest = text[(colon + 1)..];
        if (scheme == "tel")
        {
            var semi = rest.IndexOf(';', StringComparison.Ordinal);
            var number = semi < 0 ? rest : rest[..semi];
            if (number.Length == 0 || !SipParameters.TryParse(semi < 0 ? string.Empty : rest[semi..], out var telParams))
            {
                return false;
            }

            uri = new SipUri { Scheme = scheme, User = number, Parameters = telParams };
            return true;
        }

        if (scheme is not ("sip" or "sips"))
        {
            if (rest.Length == 0)
            {
                return false;
            }

            uri = new SipUri { Scheme = scheme, Opaque = rest };
            return true;
        }

        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var pw = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = pw < 0 ? userInfo : userInfo[..pw];
            password = pw < 0 ? null : userInfo[(pw + 1)..];
            if (user.Length == 0 || !ValidEscapes(user))
            {
                return false;
            }
        }

        string? headers = null;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }

        var paramStart = rest.IndexOf(';', StringComparison.Ordinal);
        var hostPort = paramStart < 0 ? rest : rest[..paramStart];
        if (!SipParameters.TryParse(paramStart < 0 ? string.Empty : rest[paramStart..], out var parameters))
        {
            return false;
        }

        if (!TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }

        uri = new SipUri { Scheme = scheme, User = user, Password = password, Host = host, Port = port, Parameters = parameters, Headers = headers };
        return true;
    }

    /// <summary>Splits <c>host[:port]</c>, validating a host name, IPv4 address or bracketed IPv6 reference.</summary>
    internal static bool TrySplitHostPort(string text, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        string portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !System.Net.IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            host = text[..(close + 1)];
            portText = text[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var c = text.IndexOf(':', StringComparison.Ordinal);
            host = c < 0 ? text : text[..c];
            portText = c < 0 ? string.Empty : text[c..];
            if (host.Length == 0 || !host.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_'))
            {
                return false;
            }
        }

        if (portText.Length > 0)
        {
            if (!int.TryParse(portText.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        return true;
    }

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !SipSyntax.IsHex(text[i + 1]) || !SipSyntax.IsHex(text[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>URI without parameters and headers, for comparisons such as address-of-record keys.</summary>
    public string ToAddressOfRecord() =>
        IsSip ? $"{Scheme}:{(User is null ? string.Empty : SipSyntax.Unescape(User) + "@")}{Host.ToLowerInvariant()}" : ToString();

    public override string ToString()
    {
        var sb = new StringBuilder(64);
        sb.Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            return sb.Append(Opaque).ToString();
        }

        if (Scheme == "tel")
        {
            return sb.Append(User).Append(Parameters.ToString()).ToString();
        }

        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }

            sb.Append('@');
        }

        sb.Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(Parameters.ToString());
        if (Headers is not null)
        {
            sb.Append('?').Append(Headers);
        }

        return sb.ToString();
    }
}
