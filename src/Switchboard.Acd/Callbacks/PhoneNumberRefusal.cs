namespace Switchboard.Acd.Callbacks;

/// <summary>Why a number may not be called back.</summary>
public enum PhoneNumberRefusal
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Nothing was given.</summary>
    Empty,

    /// <summary>Letters or other characters that are not part of a phone number.</summary>
    InvalidCharacters,

    /// <summary>Too few or too many digits for a Swedish number.</summary>
    InvalidLength,

    /// <summary>Premium-rate (betalsamtal) series 0900, 0939, 0944: never dialled (toll-fraud guard).</summary>
    PremiumRate,

    /// <summary>Short, emergency or service numbers (112, 1177, 020, 077, 074, 071 ...).</summary>
    SpecialNumber,

    /// <summary>A number outside Sweden while foreign numbers are not allowed.</summary>
    Foreign,

    /// <summary>Digits that do not form a Swedish number (e.g. an unused series).</summary>
    InvalidFormat,
}
