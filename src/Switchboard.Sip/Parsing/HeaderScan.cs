using System.Buffers;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// The header lines of one message as (name, offset, length) entries into the received bytes (RFC 3261 §7.3): compact
/// names expanded, folded lines joined (§7.3.1, kept as strings), limits enforced. A struct so that scanning allocates
/// only the entry array.
/// </summary>
internal struct HeaderScan
{
    private static readonly SearchValues<byte> LineBreak = SearchValues.Create("\r\n"u8);

    private readonly int _maxHeaders;
    private HeaderEntry[] _entries;
    private string?[]? _values;

    public HeaderScan(int maxHeaders, int expectedLines)
    {
        _maxHeaders = maxHeaders;
        _entries = expectedLines == 0 ? [] : new HeaderEntry[Math.Clamp(expectedLines, 1, Math.Max(1, maxHeaders))];
    }

    /// <summary>Header lines found.</summary>
    public int Count { get; private set; }

    public readonly string NameAt(int index) => _entries[index].Name;

    /// <summary>The value bytes of line <paramref name="index"/> (re-encoded when the line was folded).</summary>
    public readonly ReadOnlySpan<byte> ValueBytes(ReadOnlySpan<byte> data, int index)
    {
        var e = _entries[index];
        return e.IsRaw ? data.Slice(e.Start, e.Length) : Encoding.UTF8.GetBytes(_values![index]!);
    }

    /// <summary>Reads the header lines in <c>data[from..to]</c> (from is at the line break ending the start line); returns an error or null.</summary>
    public string? Run(ReadOnlySpan<byte> data, int from, int to)
    {
        string? name = null;
        var valueStart = 0;
        var valueLength = 0;
        StringBuilder? folded = null;
        var pos = from;
        while (pos < to)
        {
            // Skip the line break that ends the previous line.
            if (data[pos] == '\r')
            {
                pos++;
            }

            if (pos < to && data[pos] == '\n')
            {
                pos++;
            }

            var rest = data[pos..to];
            var end = rest.IndexOfAny(LineBreak);
            var line = end < 0 ? rest : rest[..end];
            var lineStart = pos;
            pos += line.Length;
            if (line.IsEmpty)
            {
                continue;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (name is null)
                {
                    return "Continuation line before any header";
                }

                folded ??= new StringBuilder(Decode(data.Slice(valueStart, valueLength)));
                var more = line.Trim(" \t"u8);
                if (!more.IsEmpty)
                {
                    if (folded.Length > 0)
                    {
                        folded.Append(' ');
                    }

                    folded.Append(Decode(more));
                }

                continue;
            }

            if (name is not null)
            {
                Add(name, valueStart, valueLength, folded);
            }

            if (Count >= _maxHeaders)
            {
                return "Too many headers";
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return "Header line without a colon";
            }

            var rawName = line[..colon].TrimEnd(" \t"u8);
            foreach (var b in rawName)
            {
                if (!SipSyntax.IsTokenByte(b))
                {
                    return "Invalid header name";
                }
            }

            if (rawName.IsEmpty)
            {
                return "Empty header name";
            }

            name = SipHeaderNames.Canonicalize(rawName);
            var afterColon = line[(colon + 1)..];
            var value = afterColon.Trim(" \t"u8);
            valueStart = lineStart + colon + 1 + (value.IsEmpty ? 0 : afterColon.Length - afterColon.TrimStart(" \t"u8).Length);
            valueLength = value.Length;
            folded = null;
        }

        if (name is not null)
        {
            Add(name, valueStart, valueLength, folded);
        }

        return null;
    }

    /// <summary>The collection over the copied message (offsets are the same as in the scanned span).</summary>
    public readonly SipHeaders ToHeaders(byte[] copy)
    {
        var entries = _entries;
        var values = _values;
        if (entries.Length != Count)
        {
            Array.Resize(ref entries, Count);
            if (values is not null)
            {
                Array.Resize(ref values, Count);
            }
        }

        return Count == 0 ? SipHeaders.Empty : new SipHeaders(copy, entries, values);
    }

    private static string Decode(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);

    private void Add(string name, int start, int length, StringBuilder? folded)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
            if (_values is not null)
            {
                Array.Resize(ref _values, _entries.Length);
            }
        }

        if (folded is null)
        {
            _entries[Count++] = new HeaderEntry(name, start, length);
            return;
        }

        _values ??= new string?[_entries.Length];
        _values[Count] = folded.ToString();
        _entries[Count++] = new HeaderEntry(name, -1, 0);
    }
}
