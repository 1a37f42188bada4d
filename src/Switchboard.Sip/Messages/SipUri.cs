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
        return !string.IsNullOrEmpty(text) && TryParseCore(text, build: true, out uri);
    }

    /// <summary>True when <see cref="TryParse"/> would accept the text; allocates nothing (used to validate a Request-URI lazily).</summary>
    internal static bool IsValid(ReadOnlySpan<char> text) => !text.IsEmpty && TryParseCore(text, build: false, out _);

    /// <summary>The one URI grammar walk; with <paramref name="build"/> false it only validates and allocates nothing.</summary>
    private static bool TryParseCore(ReadOnlySpan<char> text, bool build, out SipUri? uri)
    {
        uri = null;
        if (text.IndexOfAny(" \t\r\n") >= 0 || text.Length > 4096)
        {
            return false;
        }

        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var schemeText = text[..colon];
        if (!char.IsAsciiLetter(schemeText[0]))
        {
            return false;
        }

        foreach (var c in schemeText)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        var rest = text[(colon + 1)..];
        if (schemeText.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            var semi = rest.IndexOf(';');
            var number = semi < 0 ? rest : rest[..semi];
            var telParamText = semi < 0 ? [] : rest[semi..];
            if (number.Length == 0)
            {
                return false;
            }

            if (!build)
            {
                return SipParameters.IsValid(telParamText);
            }

            if (!SipParameters.TryParse(telParamText, out var telParams))
            {
                return false;
            }

            uri = new SipUri { Scheme = "tel", User = number.ToString(), Parameters = telParams };
            return true;
        }

        var isSip = schemeText.Equals("sip", StringComparison.OrdinalIgnoreCase);
        var isSips = !isSip && schemeText.Equals("sips", StringComparison.OrdinalIgnoreCase);
        if (!isSip && !isSips)
        {
            if (rest.Length == 0)
            {
                return false;
            }

            if (build)
            {
                uri = new SipUri { Scheme = schemeText.ToString().ToLowerInvariant(), Opaque = rest.ToString() };
            }

            return true;
        }

        ReadOnlySpan<char> user = [];
        ReadOnlySpan<char> password = [];
        var hasUser = false;
        var hasPassword = false;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var pw = userInfo.IndexOf(':');
            user = pw < 0 ? userInfo : userInfo[..pw];
            hasUser = true;
            hasPassword = pw >= 0;
            password = pw < 0 ? [] : userInfo[(pw + 1)..];
            if (user.Length == 0 || !ValidEscapes(user))
            {
                return false;
            }
        }

        ReadOnlySpan<char> headers = [];
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }

        var paramStart = rest.IndexOf(';');
        var hostPort = paramStart < 0 ? rest : rest[..paramStart];
        var paramText = paramStart < 0 ? [] : rest[paramStart..];
        if (!TrySplitHostPort(hostPort, out var hostLength, out var port))
        {
            return false;
        }

        if (!build)
        {
            return SipParameters.IsValid(paramText);
        }

        if (!SipParameters.TryParse(paramText, out var parameters))
        {
            return false;
        }

        uri = new SipUri
        {
            Scheme = isSip ? "sip" : "sips",
            User = hasUser ? user.ToString() : null,
            Password = hasPassword ? password.ToString() : null,
            Host = hostPort[..hostLength].ToString(),
            Port = port,
            Parameters = parameters,
            Headers = question >= 0 ? headers.ToString() : null,
        };
        return true;
    }

    /// <summary>Splits <c>host[:port]</c>, validating a host name, IPv4 address or bracketed IPv6 reference.</summary>
    internal static bool TrySplitHostPort(string text, out string host, out int? port)
    {
        host = string.Empty;
        if (!TrySplitHostPort(text.AsSpan(), out var hostLength, out port))
        {
            return false;
        }

        host = hostLength == text.Length ? text : text[..hostLength];
        return true;
    }

    /// <summary>Span form of <see cref="TrySplitHostPort(string, out string, out int?)"/>: the host is <c>text[..hostLength]</c>.</summary>
    internal static bool TrySplitHostPort(ReadOnlySpan<char> text, out int hostLength, out int? port)
    {
        hostLength = 0;
        port = null;
        ReadOnlySpan<char> portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !System.Net.IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            hostLength = close + 1;
            portText = text[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var c = text.IndexOf(':');
            hostLength = c < 0 ? text.Length : c;
            portText = c < 0 ? [] : text[c..];
            if (hostLength == 0)
            {
                return false;
            }

            foreach (var ch in text[..hostLength])
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_'))
                {
                    return false;
                }
            }
        }

        if (portText.Length > 0)
        {
            if (!int.TryParse(portText[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        return true;
    }

    private static bool ValidEscapes(ReadOnlySpan<char> text)
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
