using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Switchboard.Server.Calls;

/// <summary>
/// Where agents may transfer callers outside the contact centre (configuration section <c>Transfer</c>). The toll-fraud
/// guard: a number must pass the callback number validation (Swedish numbers, no premium rate) and is dialled through
/// the trunk (<c>Trunk:*</c>); a SIP URI is dialled only when its host is listed in <see cref="AllowedSipDomains"/>.
/// Checked by <see cref="TransferOptionsValidator"/>.
/// </summary>
public sealed record TransferOptions : IValidatableObject
{
    /// <summary>Hosts (domain or IP, no port) a <c>sip:</c> transfer target may name, e.g. <c>handlaggare.kommun.se</c>. Empty: no SIP URIs.</summary>
    public IReadOnlyList<string> AllowedSipDomains { get; init; } = [];

    /// <summary>Longest ring time an agent may ask for (the API caps requests at 120 s as well).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRingTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        static bool Bad(string? d) =>
            string.IsNullOrWhiteSpace(d)
            || d.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or '/' or '[' or ']')
            || (d.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(d.Trim(), out _));
        if (AllowedSipDomains.Any(Bad))
        {
            yield return new ValidationResult(
                "each entry must be a bare host name or IP address (no scheme, user, port, brackets or path)", [nameof(AllowedSipDomains)]);
        }
    }

    /// <summary>The checked options with each domain trimmed.</summary>
    public TransferOptions Normalized() => this with { AllowedSipDomains = [.. AllowedSipDomains.Select(d => d.Trim())] };
}
