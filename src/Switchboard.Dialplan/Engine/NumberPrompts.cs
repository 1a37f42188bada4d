namespace Switchboard.Dialplan.Engine;

/// <summary>Composes the agreed number and digit prompt names (num_0..num_20, tens, num_100; digit_0..digit_9).</summary>
public static class NumberPrompts
{
    /// <summary>Prompts for 0-199 (larger numbers are said as 199): 21 = num_20 + num_1, 105 = num_100 + num_5.</summary>
    public static IReadOnlyList<string> Number(int value)
    {
        var n = Math.Clamp(value, 0, 199);
        var list = new List<string>();
        if (n >= 100)
        {
            list.Add("num_100");
            n -= 100;
            if (n == 0)
            {
                return list;
            }
        }

        if (n <= 20)
        {
            list.Add($"num_{n}");
        }
        else
        {
            list.Add($"num_{n / 10 * 10}");
            if (n % 10 != 0)
            {
                list.Add($"num_{n % 10}");
            }
        }

        return list;
    }

    /// <summary>One digit prompt per digit of a phone number; other characters are skipped.</summary>
    public static IReadOnlyList<string> Digits(string number) =>
        [.. (number ?? string.Empty).Where(char.IsAsciiDigit).Select(c => $"digit_{c}")];

    /// <summary>Position and/or wait announcement built from the agreed prompt names.</summary>
    public static IReadOnlyList<string> Announcement(int? position, TimeSpan? wait)
    {
        var list = new List<string>();
        if (position is { } p and > 0)
        {
            list.Add("position_prefix");
            list.AddRange(Number(p));
            list.Add("position_suffix");
        }

        if (wait is { } w)
        {
            list.Add("wait_prefix");
            var minutes = (int)Math.Round(w.TotalMinutes, MidpointRounding.AwayFromZero);
            if (w < TimeSpan.FromMinutes(1))
            {
                list.Add("wait_less_than_minute");
            }
            else
            {
                list.AddRange(Number(minutes));
                list.Add(minutes == 1 ? "minute" : "minutes");
            }
        }

        return list;
    }
}
