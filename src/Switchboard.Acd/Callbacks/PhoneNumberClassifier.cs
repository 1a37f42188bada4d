using PhoneNumbers;

namespace Switchboard.Acd.Callbacks;

/// <summary>
/// What a number is, from libphonenumber's metadata (ITU-T E.164 plus each country's numbering plan): premium-rate,
/// freephone, shared-cost, paging, personal or voicemail series, and emergency or other short numbers. Universal
/// access numbers (Sweden's 010, the UK's 03) are normal-rate and pass. The policy of
/// what may be dialled is <see cref="PhoneNumberValidator"/>'s; this only classifies.
/// </summary>
internal static class PhoneNumberClassifier
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ShortNumberInfo ShortNumbers = ShortNumberInfo.GetInstance();

    /// <summary>The refusal for a number whose series is never dialled, or null. <paramref name="e164"/> is <c>+CC...</c>.</summary>
    public static (PhoneNumberRefusal Refusal, string Reason)? RefusedSeries(string e164)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!Util.IsValidNumber(number))
        {
            return null;
        }

        return Util.GetNumberType(number) switch
        {
            PhoneNumberType.PREMIUM_RATE => (PhoneNumberRefusal.PremiumRate, "a premium-rate (betalsamtal) number"),
            PhoneNumberType.TOLL_FREE => (PhoneNumberRefusal.SpecialNumber, "a freephone service number"),
            PhoneNumberType.SHARED_COST => (PhoneNumberRefusal.SpecialNumber, "a shared-cost service number"),
            PhoneNumberType.PAGER => (PhoneNumberRefusal.SpecialNumber, "a paging number"),
            PhoneNumberType.PERSONAL_NUMBER => (PhoneNumberRefusal.SpecialNumber, "a personal (forwarding) number"),
            PhoneNumberType.VOICEMAIL => (PhoneNumberRefusal.SpecialNumber, "a voicemail access number"),
            _ => null,
        };
    }

    /// <summary>True when <paramref name="digits"/> is an emergency number in Sweden (112, 90000).</summary>
    public static bool IsSwedishEmergency(string digits) => ShortNumbers.IsEmergencyNumber(digits, "SE");

    /// <summary>True when <paramref name="digits"/> is a Swedish short number libphonenumber knows (1177, 11414, 116000 ...).</summary>
    public static bool IsSwedishShortNumber(string digits)
    {
        try
        {
            return ShortNumbers.IsValidShortNumberForRegion(Util.Parse(digits, "SE"), "SE");
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
