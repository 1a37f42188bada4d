using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Record-Route, Refer-To and
/// P-Asserted-Identity (RFC 3261 §20.10, §20.20, §20.39, §25.1).
/// </summary>
public sealed record SipNameAddress(string? DisplayName, SipUri Uri, SipParameters Parameters)
{
    public SipNameAddress(SipUri uri)
        : this(null, uri, SipParameters.Empty)
    {
    }

    /// <summary>The tag parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag => Parameters.Get("tag");

    public SipNameAddress WithTag(string tag) => this with { Parameters = Parameters.With("tag", tag) };

    public static SipNameAddress Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Invalid name-addr: '{text}'");

    /// <summary>
    /// Parses one value. Fails on an unterminated quote, a display name that is neither quoted nor tokens,
    /// whitespace inside the angle brackets, or an addr-spec containing ',', '?' (RFC 3261 §20.10).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipNameAddress? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        string? display = null;
        var i = 0;
        if (text[0] == '"')
        {
            var end = SipSyntax.FindQuoteEnd(text, 0);
            if (end < 0)
            {
                return false;
            }

            display = SipSyntax.Unquote(text[..(end + 1)]);
            i = end + 1;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length || text[i] != '<')
            {
                return false;
            }
        }
        else
        {
            var lt = text.IndexOf('<', StringComparison.Ordinal);
            if (lt >= 0)
            {
                var name = text[..lt].Trim();
                foreach (var word in name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!SipSyntax.IsToken(word))
                    {
                        return false;
                    }
                }

                display = name.Length == 0 ? null : name;
                i = lt;
            }
        }

        if (i < text.Length && text[i] == '<')
        {
            var gt = text.IndexOf('>', i);
            if (gt < 0)
            {
                return false;
            }

            var uriText = text[(i + 1)..gt];
            if (!SipUri.TryParse(uriText, out var uri) || !SipParameters.TryParse(text[(gt + 1)..], out var ps))
            {
                return false;
            }

            value = new SipNameAddress(display, uri, ps);
            return true;
        }

        // addr-spec: the URI may not carry its own parameters or headers; ';' starts header parameters.
        var semi = text.IndexOf(';', StringComparison.Ordinal);
        var spec = (semi < 0 ? text : text[..semi]).TrimEnd();
        if (spec.AsSpan().IndexOfAny(",?\"<> \t") >= 0 || !SipUri.TryParse(spec, out var plainUri))
        {
            return false;
        }

        if (!SipParameters.TryParse(semi < 0 ? string.Empty : text[semi..], out var plainParams))
        {
            return false;
        }

        value = new SipNameAddress(null, plainUri, plainParams);
        return true;
    }

    /// <summary>Parses a comma-separated list (e.g. Contact, Route). A Contact of "*" is not accepted here.</summary>
    public static bool TryParseList(IEnumerable<string> values, [NotNullWhen(true)] out IReadOnlyList<SipNameAddress>? list)
    {
        var result = new List<SipNameAddress>();
        list = null;
        foreach (var value in values)
        {
            if (!TryParse(value, out var one))
            {
                return false;
            }

            result.Add(one);
        }

        list = result;
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(SipSyntax.Quote(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri.ToString()).Append('>').Append(Parameters.ToString());
        return sb.ToString();
    }
}
