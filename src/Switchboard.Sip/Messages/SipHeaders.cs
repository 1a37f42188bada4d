using System.Collections;

namespace Switchboard.Sip.Messages;

/// <summary>
/// The ordered, immutable header fields of a message (RFC 3261 §7.3). Unknown headers are kept verbatim; lookups are
/// case-insensitive on the canonical name. Each "With"/"Without" returns a new collection.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    private readonly SipHeader[] _items;

    /// <summary>An empty collection.</summary>
    public static readonly SipHeaders Empty = new([]);

    internal SipHeaders(SipHeader[] items) => _items = items;

    /// <summary>Creates a collection from header fields, expanding compact names.</summary>
    public SipHeaders(IEnumerable<SipHeader> items)
        : this(items.Select(h => h with { Name = SipHeaderNames.Canonicalize(h.Name) }).ToArray())
    {
    }

    public int Count => _items.Length;

    public SipHeader this[int index] => _items[index];

    /// <summary>The first value of a header, or null.</summary>
    public string? this[string name] => Get(name);

    /// <summary>The first value of a header, or null.</summary>
    public string? Get(string name)
    {
        foreach (var h in _items)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        return null;
    }

    /// <summary>All field lines of a header in order (not split on commas).</summary>
    public IEnumerable<string> GetAll(string name)
    {
        foreach (var h in _items)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return h.Value;
            }
        }
    }

    /// <summary>All values of a header, comma-separated lists split outside quotes and angle brackets (RFC 3261 §7.3.1).</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        var list = new List<string>();
        foreach (var line in GetAll(name))
        {
            HeaderValueSplitter.Split(line, list);
        }

        return list;
    }

    /// <summary>How many field lines carry this header.</summary>
    public int CountOf(string name)
    {
        var n = 0;
        foreach (var h in _items)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                n++;
            }
        }

        return n;
    }

    public bool Contains(string name) => Get(name) is not null;

    /// <summary>Appends a header field line.</summary>
    public SipHeaders Add(string name, string value)
    {
        var items = new SipHeader[_items.Length + 1];
        _items.CopyTo(items, 0);
        items[^1] = new SipHeader(SipHeaderNames.Canonicalize(name), value);
        return new SipHeaders(items);
    }

    /// <summary>Inserts a header field line first (e.g. a new top Via).</summary>
    public SipHeaders Prepend(string name, string value)
    {
        var items = new SipHeader[_items.Length + 1];
        _items.CopyTo(items, 1);
        items[0] = new SipHeader(SipHeaderNames.Canonicalize(name), value);
        return new SipHeaders(items);
    }

    /// <summary>Replaces every line of a header with one value, keeping the position of the first; appends if absent.</summary>
    public SipHeaders With(string name, string value)
    {
        name = SipHeaderNames.Canonicalize(name);
        var list = new List<SipHeader>(_items.Length + 1);
        var placed = false;
        foreach (var h in _items)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (!placed)
                {
                    list.Add(new SipHeader(name, value));
                    placed = true;
                }
            }
            else
            {
                list.Add(h);
            }
        }

        if (!placed)
        {
            list.Add(new SipHeader(name, value));
        }

        return new SipHeaders(list.ToArray());
    }

    /// <summary>Removes every line of a header.</summary>
    public SipHeaders Without(string name) =>
        new(_items.Where(h => !string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray());

    /// <summary>Replaces the value of the first line of a header (e.g. to add received/rport to the top Via).</summary>
    public SipHeaders ReplaceFirst(string name, string value)
    {
        var index = Array.FindIndex(_items, h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return Add(name, value);
        }

        var items = (SipHeader[])_items.Clone();
        items[index] = items[index] with { Value = value };
        return new SipHeaders(items);
    }

    /// <summary>Removes only the first line of a header (e.g. our own top Via on a response).</summary>
    public SipHeaders WithoutFirst(string name)
    {
        var index = Array.FindIndex(_items, h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return this;
        }

        var items = new SipHeader[_items.Length - 1];
        Array.Copy(_items, 0, items, 0, index);
        Array.Copy(_items, index + 1, items, index, _items.Length - index - 1);
        return new SipHeaders(items);
    }

    public IEnumerator<SipHeader> GetEnumerator() => ((IEnumerable<SipHeader>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
