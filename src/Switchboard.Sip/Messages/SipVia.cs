using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.1), with received/rport of RFC 3581.</summary>
public sealed record SipVia(string Transport, string Host, int? Port, SipParameters Parameters)
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string BranchCookie = "z9hG4bK";

    public string? Branch => Parameters.Get("branch");

    public string? Received => Parameters.Get("received");

    /// <summary>rport value: null when absent, 0 when present without a value (RFC 3581 §3).</summary>
    public int? RPort
    {
        get
        {
            var value = Parameters.Get("rport");
            return value is null ? null : int.TryParse(value, CultureInfo.InvariantCulture, out var p) ? p : 0;
        }
    }

    /// <summary>sent-by as <c>host[:port]</c>, used in transaction matching (§17.2.3).</summary>
    public string SentBy => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    /// <summary>Parses every Via value of the given header lines. Fails on a malformed protocol, host, port or parameter.</summary>
    public static bool TryParseAll(IEnumerable<string> lines, [NotNullWhen(true)] out IReadOnlyList<SipVia>? vias)
    {
        vias = null;
        var values = new List<string>();
        foreach (var line in lines)
        {
            HeaderValueSplitter.Split(line, values);
        }

        var result = new List<SipVia>(values.Count);
        foreach (var v in values)
        {
            if (!TryParse(v, out var via))
            {
                return false;
            }

            result.Add(via);
        }

        vias = result;
        return result.Count > 0;
    }

    /// <summary>Parses one Via value; whitespace is allowed around '/' in the sent-protocol (RFC 3261 §25.1, RFC 4475 §3.1.1.1).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        var parts = new string[3];
        var i = 0;
        for (var n = 0; n < 3; n++)
        {
            i = Skip(text, i);
            var start = i;
            while (i < text.Length && SipSyntax.IsTokenChar(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            parts[n] = text[start..i];
            i = Skip(text, i);
            if (n < 2)
            {
                if (i >= text.Length || text[i] != '/')
                {
                    return false;
                }

                i++;
            }
        }

        if (!parts[0].Equals("SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0" || i == 0 || i >= text.Length)
        {
            return false;
        }

        var hostStart = i;
        while (i < text.Length && text[i] != ';' && text[i] != ' ' && text[i] != '\t')
        {
            i++;
        }

        if (!SipUri.TrySplitHostPort(text[hostStart..i], out var host, out var port) || !SipParameters.TryParse(text[i..], out var ps))
        {
            return false;
        }

        via = new SipVia(parts[2].ToUpperInvariant(), host, port, ps);
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(64);
        sb.Append("SIP/2.0/").Append(Transport).Append(' ').Append(SentBy).Append(Parameters.ToString());
        return sb.ToString();
    }

    private static int Skip(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
