using System.ComponentModel.DataAnnotations;
using Switchboard.Acd.Callbacks;
using Switchboard.Sip.Messages;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// The outbound SIP trunk callbacks are dialled through (configuration section <c>Trunk</c>, checked by
/// <see cref="TrunkOptionsValidator"/>). An empty <see cref="Uri"/> means no trunk: callbacks are then closed as failed when dialled.
/// </summary>
public sealed record TrunkOptions : IValidatableObject
{
    /// <summary>The trunk's SIP URI (RFC 3261 §19.1), e.g. <c>sip:trunk.example.se:5060</c>; the number becomes the user part.</summary>
    public string Uri { get; init; } = string.Empty;

    /// <summary>Digest user name (RFC 8760/RFC 3261 §22) when the trunk challenges.</summary>
    public string? Username { get; init; }

    /// <summary>Digest password.</summary>
    public string? Password { get; init; }

    /// <summary>The caller ID presented to the citizen (E.164), e.g. the municipality's switchboard number.</summary>
    public string CallerId { get; init; } = string.Empty;

    /// <summary>Prompt played to the citizen on answer, before bridging.</summary>
    public string HelloPrompt { get; init; } = "callback_hello";

    /// <summary>Longest time one dial attempt (agent leg + citizen leg ringing) may take before it counts as no answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the agent's phone rings before the attempt is given up (the callback keeps its place).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan AgentRingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the citizen's phone rings before the attempt counts as no answer (CANCEL is sent).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CitizenRingTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Whether a trunk is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Uri);

    /// <summary>The checked options with <see cref="Uri"/> trimmed and <see cref="CallerId"/> in E.164 form.</summary>
    public TrunkOptions Normalized() =>
        Configured ? this with { Uri = Uri.Trim(), CallerId = CallerIdCheck().E164! } : this;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Configured)
        {
            if (!SipUri.TryParse(Uri.Trim(), out var uri) || !uri.IsSip || string.IsNullOrEmpty(uri.Host))
            {
                yield return new ValidationResult($"'{Uri}' is not a sip: or sips: URI with a host (e.g. sip:trunk.example.se:5060)", [nameof(Uri)]);
            }

            if (CallerIdCheck() is { IsValid: false } callerId)
            {
                yield return new ValidationResult($"'{CallerId}' is not a phone number ({callerId.Refusal}); set the number presented to citizens, e.g. +4631123456", [nameof(CallerId)]);
            }

            if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
            {
                yield return new ValidationResult("set both Trunk:Username and Trunk:Password, or neither", [nameof(Username)]);
            }
        }

        if (AttemptTimeout < AgentRingTimeout + CitizenRingTimeout)
        {
            yield return new ValidationResult("must be at least Trunk:AgentRingTimeout + Trunk:CitizenRingTimeout", [nameof(AttemptTimeout)]);
        }
    }

    private PhoneNumberValidation CallerIdCheck() => PhoneNumberValidator.Validate(CallerId, PhoneNumberPolicy.Default with { AllowForeign = true });
}
