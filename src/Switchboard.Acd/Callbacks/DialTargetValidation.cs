namespace Switchboard.Acd.Callbacks;

/// <summary>The outcome of checking a dial target under a <see cref="DialTargetPolicy"/>.</summary>
/// <param name="Normalized">The number in E.164, or the SIP URI as <c>sip:user@host[:port]</c>; null when refused.</param>
/// <param name="IsSipUri">True for a <c>sip:</c>/<c>sips:</c> target.</param>
/// <param name="Refusal">Why it may not be dialled (English, no personal data beyond the target's series); null when allowed.</param>
public sealed record DialTargetValidation(string? Normalized, bool IsSipUri, string? Refusal)
{
    /// <summary>True when the target may be dialled.</summary>
    public bool IsValid => Refusal is null && Normalized is not null;

    internal static DialTargetValidation Refuse(string reason, bool isSipUri = false) => new(null, isSipUri, reason);
}
