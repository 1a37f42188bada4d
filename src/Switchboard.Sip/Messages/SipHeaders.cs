using System.Collections;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// The ordered, immutable header fields of a message (RFC 3261 §7.3). Unknown headers are kept verbatim; lookups are
/// case-insensitive on the canonical name. Each "With"/"Without" returns a new collection.
/// </summary>
/// <remarks>
/// A parsed collection keeps its values as slices of the one copy of the message bytes and decodes a value to a string
/// the first time it is read (then caches it), so headers nobody reads cost no string. Reading is thread-safe: two
/// threads racing on the first read decode the same text.
/// </remarks>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    private readonly byte[]? _source;
    private readonly HeaderEntry[] _entries;
    private string?[]? _values;

    /// <summary>An empty collection.</summary>
    public static readonly SipHeaders Empty = new([]);

    internal SipHeaders(SipHeader[] items)
    {
        _entries = new HeaderEntry[items.Length];
        _values = new string?[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _entries[i] = new HeaderEntry(items[i].Name, -1, 0);
            _values[i] = items[i].Value ?? string.Empty;
        }
    }

    /// <summary>A parsed collection over <paramref name="source"/>; <paramref name="values"/> holds unfolded values (or null).</summary>
    internal SipHeaders(byte[]? source, HeaderEntry[] entries, string?[]? values)
    {
        _source = source;
        _entries = entries;
        _values = values;
    }

    /// <summary>Creates a collection from header fields, expanding compact names.</summary>
    public SipHeaders(IEnumerable<SipHeader> items)
        : this(items.Select(h => h with { Name = SipHeaderNames.Canonicalize(h.Name) }).ToArray())
    {
    }

    public int Count => _entries.Length;

    public SipHeader this[int index] => new(_entries[index].Name, ValueAt(index));

    /// <summary>The first value of a header, or null.</summary>
    public string? this[string name] => Get(name);

    /// <summary>The first value of a header, or null.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name, 0);
        return i < 0 ? null : ValueAt(i);
    }

    /// <summary>All field lines of a header in order (not split on commas).</summary>
    public IEnumerable<string> GetAll(string name)
    {
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            yield return ValueAt(i);
        }
    }

    /// <summary>All values of a header, comma-separated lists split outside quotes and angle brackets (RFC 3261 §7.3.1).</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        var first = IndexOf(name, 0);
        if (first < 0)
        {
            return [];
        }

        var list = new List<string>();
        for (var i = first; i >= 0; i = IndexOf(name, i + 1))
        {
            HeaderValueSplitter.Split(ValueAt(i), list);
        }

        return list;
    }

    /// <summary>How many field lines carry this header.</summary>
    public int CountOf(string name)
    {
        var n = 0;
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            n++;
        }

        return n;
    }

    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>Appends a header field line.</summary>
    public SipHeaders Add(string name, string value) => Insert(_entries.Length, SipHeaderNames.Canonicalize(name), value);

    /// <summary>Inserts a header field line first (e.g. a new top Via).</summary>
    public SipHeaders Prepend(string name, string value) => Insert(0, SipHeaderNames.Canonicalize(name), value);

    /// <summary>Replaces every line of a header with one value, keeping the position of the first; appends if absent.</summary>
    public SipHeaders With(string name, string value)
    {
        name = SipHeaderNames.Canonicalize(name);
        var first = IndexOf(name, 0);
        if (first < 0)
        {
            return Insert(_entries.Length, name, value);
        }

        var keep = new List<int>(_entries.Length);
        for (var i = 0; i < _entries.Length; i++)
        {
            if (i == first || !NameIs(i, name))
            {
                keep.Add(i);
            }
        }

        var entries = new HeaderEntry[keep.Count];
        var values = new string?[keep.Count];
        for (var k = 0; k < keep.Count; k++)
        {
            var i = keep[k];
            if (i == first)
            {
                entries[k] = new HeaderEntry(name, -1, 0);
                values[k] = value;
            }
            else
            {
                entries[k] = _entries[i];
                values[k] = CachedAt(i);
            }
        }

        return new SipHeaders(_source, entries, values);
    }

    /// <summary>Removes every line of a header.</summary>
    public SipHeaders Without(string name)
    {
        if (IndexOf(name, 0) < 0)
        {
            return this;
        }

        var entries = new List<HeaderEntry>(_entries.Length);
        var values = new List<string?>(_entries.Length);
        for (var i = 0; i < _entries.Length; i++)
        {
            if (!NameIs(i, name))
            {
                entries.Add(_entries[i]);
                values.Add(CachedAt(i));
            }
        }

        return new SipHeaders(_source, entries.ToArray(), values.ToArray());
    }

    /// <summary>Replaces the value of the first line of a header (e.g. to add received/rport to the top Via).</summary>
    public SipHeaders ReplaceFirst(string name, string value)
    {
        var index = IndexOf(name, 0);
        if (index < 0)
        {
            return Add(name, value);
        }

        var entries = (HeaderEntry[])_entries.Clone();
        var values = CopyValues(_entries.Length);
        entries[index] = new HeaderEntry(entries[index].Name, -1, 0);
        values[index] = value;
        return new SipHeaders(_source, entries, values);
    }

    /// <summary>Removes only the first line of a header (e.g. our own top Via on a response).</summary>
    public SipHeaders WithoutFirst(string name)
    {
        var index = IndexOf(name, 0);
        if (index < 0)
        {
            return this;
        }

        var entries = new HeaderEntry[_entries.Length - 1];
        var values = new string?[_entries.Length - 1];
        for (int i = 0, k = 0; i < _entries.Length; i++)
        {
            if (i != index)
            {
                entries[k] = _entries[i];
                values[k++] = CachedAt(i);
            }
        }

        return new SipHeaders(_source, entries, values);
    }

    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The canonical name of line <paramref name="index"/> (no allocation).</summary>
    internal string NameAt(int index) => _entries[index].Name;

    /// <summary>The value of line <paramref name="index"/>, decoded and cached on first use.</summary>
    internal string ValueAt(int index)
    {
        var values = _values;
        if (values is not null && values[index] is { } cached)
        {
            return cached;
        }

        var e = _entries[index];
        var value = e.Length == 0 ? string.Empty : Encoding.UTF8.GetString(_source!, e.Start, e.Length);
        values ??= Interlocked.CompareExchange(ref _values, new string?[_entries.Length], null) ?? _values!;
        values[index] = value;
        return value;
    }

    /// <summary>The received bytes of line <paramref name="index"/> when the value has not been replaced or unfolded.</summary>
    internal bool TryGetRaw(int index, out ReadOnlySpan<byte> raw)
    {
        var e = _entries[index];
        if (e.IsRaw)
        {
            raw = _source.AsSpan(e.Start, e.Length);
            return true;
        }

        raw = default;
        return false;
    }

    /// <summary>Index of the first line at or after <paramref name="from"/> named <paramref name="name"/>, or -1.</summary>
    internal int IndexOf(string name, int from)
    {
        for (var i = from; i < _entries.Length; i++)
        {
            if (NameIs(i, name))
            {
                return i;
            }
        }

        return -1;
    }

    private bool NameIs(int index, string name)
    {
        var entryName = _entries[index].Name;
        return ReferenceEquals(entryName, name) || string.Equals(entryName, name, StringComparison.OrdinalIgnoreCase);
    }

    private string? CachedAt(int index) => _entries[index].IsRaw ? _values?[index] : ValueAt(index);

    private string?[] CopyValues(int length)
    {
        var values = new string?[length];
        for (var i = 0; i < Math.Min(length, _entries.Length); i++)
        {
            values[i] = CachedAt(i);
        }

        return values;
    }

    private SipHeaders Insert(int at, string name, string value)
    {
        var entries = new HeaderEntry[_entries.Length + 1];
        var values = new string?[_entries.Length + 1];
        for (int i = 0, k = 0; k < entries.Length; k++)
        {
            if (k == at)
            {
                entries[k] = new HeaderEntry(name, -1, 0);
                values[k] = value;
            }
            else
            {
                entries[k] = _entries[i];
                values[k] = CachedAt(i);
                i++;
            }
        }

        return new SipHeaders(_source, entries, values);
    }
}
