namespace Switchboard.Media.Dtmf;

/// <summary>One key press, reported exactly once.</summary>
/// <param name="Digit">'0'-'9', '*', '#', 'A'-'D'.</param>
/// <param name="Source">The path it came by.</param>
/// <param name="Duration">How long the key was held, when known (zero otherwise).</param>
public readonly record struct DtmfDigit(char Digit, DtmfSource Source, TimeSpan Duration)
{
    /// <summary>The digit for a DTMF event code of RFC 4733 §3.2 (0-9, 10 = *, 11 = #, 12-15 = A-D), or null.</summary>
    public static char? FromEventCode(int code) => code switch
    {
        >= 0 and <= 9 => (char)('0' + code),
        10 => '*',
        11 => '#',
        >= 12 and <= 15 => (char)('A' + (code - 12)),
        _ => null,
    };

    /// <summary>The RFC 4733 event code of <paramref name="digit"/>, or null when it is not a DTMF key.</summary>
    public static int? ToEventCode(char digit) => char.ToUpperInvariant(digit) switch
    {
        >= '0' and <= '9' => digit - '0',
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => char.ToUpperInvariant(digit) - 'A' + 12,
        _ => null,
    };
}
