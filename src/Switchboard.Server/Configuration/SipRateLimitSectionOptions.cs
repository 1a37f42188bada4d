using System.ComponentModel.DataAnnotations;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>
/// <c>Sip:Security:RateLimit:*</c> as configured (docs/security.md): the per-source token bucket and bans. Becomes the
/// SIP stack's <see cref="SourceRateLimitOptions"/> through <see cref="ToRateLimitOptions"/>; defaults are that type's.
/// </summary>
public sealed class SipRateLimitSectionOptions : IValidatableObject
{
    private static readonly SourceRateLimitOptions Defaults = new();

    [Range(0.1, 1_000_000)]
    public double MessagesPerSecond { get; set; } = Defaults.MessagesPerSecond;

    [Range(1, 1_000_000)]
    public int Burst { get; set; } = Defaults.Burst;

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BanDuration { get; set; } = Defaults.BanDuration;

    [Range(1, 10_000_000)]
    public int MaxSources { get; set; } = Defaults.MaxSources;

    /// <summary>Addresses/CIDRs never limited; empty: the default (loopback); <c>none</c>: nobody.</summary>
    public SettingList ExemptSources { get; set; } = new();

    /// <summary><c>Drop</c> or <c>Reject</c>.</summary>
    public SipRefusal Refusal { get; set; } = Defaults.Refusal;

    public SourceRateLimitOptions ToRateLimitOptions() => Defaults with
    {
        MessagesPerSecond = MessagesPerSecond,
        Burst = Burst,
        BanDuration = BanDuration,
        MaxSources = MaxSources,
        ExemptSources = SipSourceSetting.Networks(ExemptSources, Defaults.ExemptSources),
        Refusal = Refusal,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var path = SipSourceSetting.Path(validationContext);
        return SipSourceSetting.Check(ExemptSources, $"{path}.{nameof(ExemptSources)}", nameof(ExemptSources))
            .Concat(SipSourceSetting.CheckRefusal(Refusal, $"{path}.{nameof(Refusal)}", nameof(Refusal)));
    }
}
