using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>An ordered, immutable list of <c>;name[=value]</c> parameters (RFC 3261 §19.1.1, §7.3.1); names compare case-insensitively.</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    public static readonly SipParameters Empty = new([]);

    public SipParameters(IEnumerable<SipParameter> items) => _items = items.ToArray();

    private SipParameters(SipParameter[] items) => _items = items;

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    /// <summary>Value of a parameter (empty string for a flag parameter), or null when absent.</summary>
    public string? Get(string name)
    {
        foreach (var p in _items)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value ?? string.Empty;
            }
        }

        return null;
    }

    public bool Has(string name) => Get(name) is not null;

    /// <summary>Sets (replaces or appends) a parameter.</summary>
    public SipParameters With(string name, string? value)
    {
        var list = _items.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        var index = Array.FindIndex(_items, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        list.Insert(index < 0 ? list.Count : Math.Min(index, list.Count), new SipParameter(name, value));
        return new SipParameters(list.ToArray());
    }

    public SipParameters Without(string name) =>
        new(_items.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray());

    /// <summary>
    /// Parses <c>;a=b;c</c> (the leading ';' included). Values may be quoted strings. Fails on an empty name
    /// or an unterminated quote.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipParameters? parameters) => TryParse(text.AsSpan(), out parameters);

    /// <summary>Span form of <see cref="TryParse(string, out SipParameters?)"/>.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipParameters? parameters)
    {
        parameters = null;
        if (text.IsEmpty)
        {
            parameters = Empty;
            return true;
        }

        var list = new List<SipParameter>(4);
        if (!Scan(text, list))
        {
            return false;
        }

        parameters = list.Count == 0 ? Empty : new SipParameters(list.ToArray());
        return true;
    }

    /// <summary>True when the text is a valid parameter list; allocates nothing.</summary>
    internal static bool IsValid(ReadOnlySpan<char> text) => Scan(text, null);

    /// <summary>Walks the parameter grammar; adds each parameter to <paramref name="sink"/> when one is given.</summary>
    private static bool Scan(ReadOnlySpan<char> text, List<SipParameter>? sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = SkipWhitespace(text, i);
            if (i >= text.Length)
            {
                break;
            }

            if (text[i] != ';')
            {
                return false;
            }

            i = SkipWhitespace(text, i + 1);
            var nameStart = i;
            while (i < text.Length && SipSyntax.IsTokenChar(text[i]))
            {
                i++;
            }

            if (i == nameStart)
            {
                return false;
            }

            var name = text[nameStart..i];
            i = SkipWhitespace(text, i);
            var hasValue = false;
            ReadOnlySpan<char> value = [];
            if (i < text.Length && text[i] == '=')
            {
                hasValue = true;
                i = SkipWhitespace(text, i + 1);
                if (i < text.Length && text[i] == '"')
                {
                    var end = SipSyntax.FindQuoteEnd(text, i);
                    if (end < 0)
                    {
                        return false;
                    }

                    value = text[i..(end + 1)];
                    i = end + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && (SipSyntax.IsTokenChar(text[i]) || text[i] is ':' or '[' or ']' or '/' or '@' or '?' or '&' or '$' or '(' or ')' or '<' or '>'))
                    {
                        i++;
                    }

                    if (i == valueStart)
                    {
                        return false;
                    }

                    value = text[valueStart..i];
                }
            }

            sink?.Add(new SipParameter(InternName(name), hasValue ? value.ToString() : null));
        }

        return true;
    }

    /// <summary>The common parameter names as literals, so parsing Via, From/To and Contact does not allocate them.</summary>
    private static string InternName(ReadOnlySpan<char> name) => name switch
    {
        "branch" => "branch",
        "tag" => "tag",
        "rport" => "rport",
        "received" => "received",
        "transport" => "transport",
        "lr" => "lr",
        "expires" => "expires",
        "user" => "user",
        "q" => "q",
        _ => name.ToString(),
    };

    public override string ToString()
    {
        if (_items.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }

        return sb.ToString();
    }

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private static int SkipWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
