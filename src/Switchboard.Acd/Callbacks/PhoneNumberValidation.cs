namespace Switchboard.Acd.Callbacks;

/// <summary>The outcome of validating a callback number.</summary>
/// <param name="E164">The number in E.164 form (<c>+46701234567</c>) when accepted, else null.</param>
/// <param name="Refusal">Why it was refused; <see cref="PhoneNumberRefusal.None"/> when accepted.</param>
/// <param name="Reason">A human-readable reason (English) for logs and agents; empty when accepted.</param>
/// <param name="IsMobile">True for Swedish mobile numbers (07x).</param>
public readonly record struct PhoneNumberValidation(string? E164, PhoneNumberRefusal Refusal, string Reason, bool IsMobile = false)
{
    /// <summary>True when the number may be called back.</summary>
    public bool IsValid => Refusal == PhoneNumberRefusal.None && E164 is not null;

    internal static PhoneNumberValidation Refuse(PhoneNumberRefusal refusal, string reason) => new(null, refusal, reason);
}
