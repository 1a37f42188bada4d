using System.Text;

namespace Switchboard.Acd.Privacy;

/// <summary>
/// Masks phone numbers for logs: the first three digits stay (the series: <c>070</c>, <c>+467</c>, <c>112</c>), every
/// later digit becomes <c>x</c>. In a SIP URI only the user part is masked (<c>sip:070xxxxxxx@trunk</c>). Text without
/// digits is returned as it is. No log line carries a whole number; the event stream carries the keyed hash instead.
/// </summary>
public static class PhoneNumberMask
{
    private const int KeptDigits = 3;
    private const int MaxLength = 128;

    /// <summary>The masked form of <paramref name="text"/> (a number, a SIP URI or a display value).</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var userEnd = at >= 0 ? at : text.Length;
        var result = new StringBuilder(text.Length);
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i < userEnd && char.IsAsciiDigit(c))
            {
                result.Append(digits++ < KeptDigits ? c : 'x');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
