using System.Diagnostics.CodeAnalysis;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Authentication;

/// <summary>Parses <c>Digest a=b, c="d"</c> (RFC 7616 §3.3/§3.4, RFC 3261 §25.1 challenge/credentials grammar).</summary>
internal static class DigestHeaderParser
{
    public static bool TryParse(string? value, out string scheme, [NotNullWhen(true)] out Dictionary<string, string>? parameters)
    {
        scheme = string.Empty;
        parameters = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        var space = value.IndexOfAny([' ', '\t']);
        scheme = space < 0 ? value : value[..space];
        var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? value.Length : space;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            var eq = value.IndexOf('=', i);
            if (eq < 0)
            {
                return false;
            }

            var name = value[i..eq].Trim();
            i = eq + 1;
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            string v;
            if (i < value.Length && value[i] == '"')
            {
                var end = SipSyntax.FindQuoteEnd(value, i);
                if (end < 0)
                {
                    return false;
                }

                v = SipSyntax.Unquote(value[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                var end = value.IndexOf(',', i);
                end = end < 0 ? value.Length : end;
                v = value[i..end].Trim();
                i = end;
            }

            if (name.Length == 0)
            {
                return false;
            }

            dict[name] = v;
        }

        parameters = dict;
        return true;
    }
}
