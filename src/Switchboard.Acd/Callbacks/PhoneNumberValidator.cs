using System.Text;

namespace Switchboard.Acd.Callbacks;

/// <summary>
/// Validates and normalises callback numbers to E.164 (ITU-T E.164; Swedish numbering plan, PTS-FS 2024, country
/// code 46). Accepts national (<c>070-123 45 67</c>, <c>08-123 456 78</c>), <c>+46</c>, <c>+46 (0)</c> and <c>0046</c>
/// forms and a <c>tel:</c> prefix (RFC 3966). Refuses premium-rate, short, service and (unless allowed) foreign
/// numbers, each with a clear reason; libphonenumber's metadata (<see cref="PhoneNumberClassifier"/>) refuses premium-rate
/// and service series our own rules do not list, in Sweden and abroad. Pure: no I/O, never throws.
/// </summary>
public static class PhoneNumberValidator
{
    private const int MaxInputLength = 64;

    /// <summary>Validates <paramref name="input"/> under <paramref name="policy"/> (null: <see cref="PhoneNumberPolicy.Default"/>).</summary>
    public static PhoneNumberValidation Validate(string? input, PhoneNumberPolicy? policy = null)
    {
        policy ??= PhoneNumberPolicy.Default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.Empty, "No number was given.");
        }

        var text = input.Trim();
        if (text.Length > MaxInputLength)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidLength, $"The number is longer than {MaxInputLength} characters.");
        }

        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var digits = new StringBuilder(text.Length);
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '/'))
            {
                return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidCharacters, $"'{c}' is not allowed in a phone number.");
            }
        }

        var d = digits.ToString();
        if (d.Length == 0)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.Empty, "The number holds no digits.");
        }

        if (!international && d.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            d = d[2..];
        }

        if (international)
        {
            return d.StartsWith("46", StringComparison.Ordinal) ? Swedish(d[2..].StartsWith('0') ? d[3..] : d[2..]) : Foreign(d, policy);
        }

        if (d[0] != '0')
        {
            if (PhoneNumberClassifier.IsSwedishEmergency(d))
            {
                return PhoneNumberValidation.Refuse(PhoneNumberRefusal.SpecialNumber, $"{d} is an emergency number and is never dialled.");
            }

            return d.Length <= 6 || PhoneNumberClassifier.IsSwedishShortNumber(d)
                ? PhoneNumberValidation.Refuse(PhoneNumberRefusal.SpecialNumber, $"{d} is a short or special number (e.g. 112, 1177, 11414) and cannot be called back.")
                : PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidFormat, "A Swedish number starts with 0 or +46 (area code missing).");
        }

        return Swedish(d[1..]);
    }

    /// <summary>True when <paramref name="input"/> passes; <paramref name="e164"/> is then the normalised number.</summary>
    public static bool TryNormalize(string? input, PhoneNumberPolicy? policy, out string e164)
    {
        var result = Validate(input, policy);
        e164 = result.E164 ?? string.Empty;
        return result.IsValid;
    }

    /// <param name="nsn">National significant number: the digits after the trunk prefix 0 or after +46.</param>
    private static PhoneNumberValidation Swedish(string nsn)
    {
        if (nsn.Length == 0)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidLength, "Only a country or trunk prefix was given.");
        }

        if (nsn[0] == '0')
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidFormat, "Too many leading zeros.");
        }

        if (nsn.StartsWith("900", StringComparison.Ordinal) || nsn.StartsWith("939", StringComparison.Ordinal) || nsn.StartsWith("944", StringComparison.Ordinal))
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.PremiumRate, $"0{nsn[..3]} is a premium-rate (betalsamtal) series and is never dialled.");
        }

        var special = nsn[..Math.Min(2, nsn.Length)] switch
        {
            "20" => "020 is a freephone service number",
            "77" => "077 is a shared-cost service number",
            "74" => "074 is a paging series",
            "71" => "071 is a machine-to-machine (telematics) series",
            "75" or "78" => "07" + nsn[1] + " is not a series in use",
            _ => null,
        };
        if (special is not null)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.SpecialNumber, special + " and cannot be called back.");
        }

        if (nsn[0] == '7')
        {
            if (nsn[1] is not ('0' or '2' or '3' or '6' or '9'))
            {
                return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidFormat, $"07{nsn[1]} is not a mobile series in use.");
            }

            return nsn.Length == 9
                ? Classified("+46" + nsn, isMobile: true)
                : PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidLength, $"A mobile number has 10 digits (07x xxx xx xx); {nsn.Length + 1} were given.");
        }

        // Geographic (area codes 01x-06x, 08, 09x in the north) and 010 nomadic numbers: 7 to 9 digits after the trunk prefix.
        if (nsn.Length is < 7 or > 9)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidLength, $"A Swedish landline number has 8 to 10 digits including the leading 0; {nsn.Length + 1} were given.");
        }

        return Classified("+46" + nsn, isMobile: false);
    }

    /// <summary>A number our own rules accept, unless libphonenumber's metadata puts it in a series never dialled.</summary>
    private static PhoneNumberValidation Classified(string e164, bool isMobile) =>
        PhoneNumberClassifier.RefusedSeries(e164) is { } refused
            ? PhoneNumberValidation.Refuse(refused.Refusal, $"{e164[..Math.Min(6, e164.Length)]}... is {refused.Reason} and is never dialled.")
            : new PhoneNumberValidation(e164, PhoneNumberRefusal.None, string.Empty, isMobile);

    private static PhoneNumberValidation Foreign(string digits, PhoneNumberPolicy policy)
    {
        if (digits.Length == 0 || digits[0] == '0')
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidFormat, "A country code cannot start with 0.");
        }

        if (!policy.AllowForeign)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.Foreign, "Numbers outside Sweden are not called back.");
        }

        if (digits.Length is < 8 or > 15)
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.InvalidLength, "An international number has 8 to 15 digits after + (E.164).");
        }

        if (policy.AllowedCountryCodes.Count > 0 && !policy.AllowedCountryCodes.Any(cc => digits.StartsWith(cc, StringComparison.Ordinal)))
        {
            return PhoneNumberValidation.Refuse(PhoneNumberRefusal.Foreign, "Numbers in that country are not called back.");
        }

        return Classified("+" + digits, isMobile: false);
    }
}
