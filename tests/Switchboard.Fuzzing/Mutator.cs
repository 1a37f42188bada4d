using System.Text;

namespace Switchboard.Fuzzing;

/// <summary>
/// Seeded mutations of a byte input (deterministic for a given seed): bit flips, interesting bytes and numbers,
/// deleting, duplicating and repeating ranges or whole lines, inserting protocol tokens, splicing with another corpus
/// entry, truncating. Several are stacked per input.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[] InterestingBytes = [0, 1, 0x7F, 0x80, 0xFF, (byte)'\r', (byte)'\n', (byte)' ', (byte)'\t', (byte)':', (byte)';',
        (byte)',', (byte)'"', (byte)'<', (byte)'>', (byte)'=', (byte)'%', (byte)'\\', (byte)'[', (byte)']', (byte)'@', (byte)'/', (byte)'0', (byte)'9'];

    private static readonly byte[][] InterestingNumbers = [.. new[]
    {
        "0", "-1", "1", "65535", "65536", "2147483647", "2147483648", "4294967295", "4294967296", "-2147483649",
        "99999999999999999999999999", "0x10", "1e9", "00000000000000000001", "+5", "",
    }.Select(Encoding.ASCII.GetBytes)];

    private readonly Random _random;

    public Mutator(int seed) => _random = new Random(seed);

    /// <summary>Writes a mutation of <paramref name="input"/> (with <paramref name="other"/> for splicing) into <paramref name="output"/>.</summary>
    public void Mutate(ReadOnlySpan<byte> input, ReadOnlySpan<byte> other, IReadOnlyList<byte[]> dictionary, int maxLength, List<byte> output)
    {
        output.Clear();
        output.AddRange(input);
        var rounds = 1 + _random.Next(_random.Next(2) == 0 ? 2 : 8);
        for (var i = 0; i < rounds; i++)
        {
            MutateOnce(output, other, dictionary, maxLength);
            if (output.Count > maxLength)
            {
                output.RemoveRange(maxLength, output.Count - maxLength);
            }
        }
    }

    private void MutateOnce(List<byte> data, ReadOnlySpan<byte> other, IReadOnlyList<byte[]> dictionary, int maxLength)
    {
        switch (_random.Next(12))
        {
            case 0 when data.Count > 0:
                data[_random.Next(data.Count)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[_random.Next(data.Count)] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2 when data.Count > 0:
                data[_random.Next(data.Count)] = (byte)_random.Next(256);
                break;
            case 3 when data.Count > 1:
                {
                    var start = _random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + _random.Next(Math.Max(1, data.Count / 4))));
                    break;
                }

            case 4 when data.Count > 0:
                {
                    var start = _random.Next(data.Count);
                    var length = Math.Min(data.Count - start, 1 + _random.Next(64));
                    data.InsertRange(_random.Next(data.Count + 1), data.GetRange(start, length));
                    break;
                }

            case 5 when dictionary.Count > 0:
                data.InsertRange(_random.Next(data.Count + 1), dictionary[_random.Next(dictionary.Count)]);
                break;
            case 6:
                ReplaceNumber(data);
                break;
            case 7 when other.Length > 0:
                {
                    // Splice: our head, the other input's tail.
                    var cut = _random.Next(data.Count + 1);
                    var from = _random.Next(other.Length);
                    data.RemoveRange(cut, data.Count - cut);
                    data.AddRange(other[from..]);
                    break;
                }

            case 8 when data.Count > 0:
                {
                    var at = _random.Next(data.Count);
                    data.RemoveRange(at, data.Count - at);
                    break;
                }

            case 9:
                RepeatLine(data, maxLength);
                break;
            case 10:
                {
                    var count = 1 + _random.Next(16);
                    var at = _random.Next(data.Count + 1);
                    for (var i = 0; i < count; i++)
                    {
                        data.Insert(at, (byte)_random.Next(256));
                    }

                    break;
                }

            default:
                if (data.Count > 1)
                {
                    // Swap two bytes (reorders fields of binary headers, moves separators in text).
                    var a = _random.Next(data.Count);
                    var b = _random.Next(data.Count);
                    (data[a], data[b]) = (data[b], data[a]);
                }

                break;
        }
    }

    /// <summary>Replaces a run of ASCII digits (or any position, if none) with an interesting number.</summary>
    private void ReplaceNumber(List<byte> data)
    {
        var number = InterestingNumbers[_random.Next(InterestingNumbers.Length)];
        if (data.Count == 0)
        {
            data.AddRange(number);
            return;
        }

        var start = _random.Next(data.Count);
        while (start < data.Count && !char.IsAsciiDigit((char)data[start]))
        {
            start++;
        }

        if (start == data.Count)
        {
            data.InsertRange(_random.Next(data.Count + 1), number);
            return;
        }

        var end = start;
        while (end < data.Count && char.IsAsciiDigit((char)data[end]))
        {
            end++;
        }

        data.RemoveRange(start, end - start);
        data.InsertRange(start, number);
    }

    /// <summary>Repeats one line (up to a CRLF/LF) many times: many Via headers, many m= lines, deep folding.</summary>
    private void RepeatLine(List<byte> data, int maxLength)
    {
        if (data.Count == 0)
        {
            return;
        }

        var start = _random.Next(data.Count);
        while (start > 0 && data[start - 1] != (byte)'\n')
        {
            start--;
        }

        var end = start;
        while (end < data.Count && data[end] != (byte)'\n')
        {
            end++;
        }

        if (end < data.Count)
        {
            end++;
        }

        var line = data.GetRange(start, end - start);
        var times = Math.Min(1 + _random.Next(_random.Next(4) == 0 ? 200 : 8), Math.Max(1, (maxLength - data.Count) / Math.Max(1, line.Count)));
        var repeated = new List<byte>(line.Count * times);
        for (var i = 0; i < times; i++)
        {
            repeated.AddRange(line);
        }

        data.InsertRange(start, repeated);
    }
}
