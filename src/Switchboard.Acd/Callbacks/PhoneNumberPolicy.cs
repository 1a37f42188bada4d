namespace Switchboard.Acd.Callbacks;

/// <summary>Which numbers may be called back.</summary>
public sealed record PhoneNumberPolicy
{
    /// <summary>The default: Swedish mobile and geographic numbers only.</summary>
    public static PhoneNumberPolicy Default { get; } = new();

    /// <summary>Allow numbers outside Sweden (given as +CC... or 00CC...).</summary>
    public bool AllowForeign { get; init; }

    /// <summary>
    /// When <see cref="AllowForeign"/> is set and this list is not empty: only these country codes (digits, e.g.
    /// <c>47</c>, <c>358</c>) are allowed.
    /// </summary>
    public IReadOnlyList<string> AllowedCountryCodes { get; init; } = [];
}
