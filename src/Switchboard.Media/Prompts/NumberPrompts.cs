namespace Switchboard.Media.Prompts;

/// <summary>
/// Prompt names that say a number or read back a phone number. Swedish and English compose the same way from the
/// agreed files: 0-20 and the tens have their own file, 21-99 = tens + units (<c>num_20</c> <c>num_1</c>, "tjugo ett",
/// "twenty one"), 100-199 = <c>num_100</c> + the rest ("hundra tjugo ett", "one hundred twenty one").
/// </summary>
public static class NumberPrompts
{
    /// <summary>The largest number that can be said.</summary>
    public const int Max = 199;

    private static readonly string[] Numbers = [.. Enumerable.Range(0, 101).Select(n => $"num_{n}")];
    private static readonly string[] Digits = [.. Enumerable.Range(0, 10).Select(n => $"digit_{n}")];

    /// <summary>Every name the composition can use: <c>num_0</c>..<c>num_20</c>, the tens, <c>num_100</c> and <c>digit_0</c>..<c>digit_9</c>.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
        [.. Enumerable.Range(0, 21).Concat([30, 40, 50, 60, 70, 80, 90, 100]).Select(n => Numbers[n]), .. Digits];

    /// <summary>The prompt names that say <paramref name="value"/> (0..199).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or above <see cref="Max"/>.</exception>
    public static IReadOnlyList<string> Number(int value)
    {
        if (!TryNumber(value, out var names))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Only 0..{Max} can be said with the num_* prompts.");
        }

        return names;
    }

    /// <summary>The prompt names that say <paramref name="value"/>, or false when it is outside 0..199.</summary>
    public static bool TryNumber(int value, out IReadOnlyList<string> names)
    {
        if (value is < 0 or > Max)
        {
            names = [];
            return false;
        }

        var list = new List<string>(3);
        if (value >= 100)
        {
            list.Add(Numbers[100]);
            value -= 100;
            if (value == 0)
            {
                names = list;
                return true;
            }
        }

        if (value <= 20)
        {
            list.Add(Numbers[value]);
        }
        else
        {
            list.Add(Numbers[value / 10 * 10]);
            if (value % 10 != 0)
            {
                list.Add(Numbers[value % 10]);
            }
        }

        names = list;
        return true;
    }

    /// <summary>
    /// <c>digit_*</c> names reading <paramref name="phoneNumber"/> back digit by digit; characters other than 0-9
    /// (spaces, dashes, a leading +, DTMF * and #) are skipped.
    /// </summary>
    public static IReadOnlyList<string> DigitByDigit(ReadOnlySpan<char> phoneNumber)
    {
        var names = new List<string>(phoneNumber.Length);
        foreach (var c in phoneNumber)
        {
            if (char.IsAsciiDigit(c))
            {
                names.Add(Digits[c - '0']);
            }
        }

        return names;
    }
}
