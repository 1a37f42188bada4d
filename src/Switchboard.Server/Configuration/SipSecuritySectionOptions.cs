using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>
/// <c>Sip:Security:*</c> as configured (docs/security.md): rate limit and bans, who may place calls, caps. Becomes the
/// SIP stack's <see cref="SipSecurityOptions"/> through <see cref="ToSecurityOptions"/>; defaults are that type's.
/// Address lists take items (<c>CallSources:0</c>), one comma-separated value or <c>none</c> (<see cref="SettingList"/>).
/// </summary>
public sealed class SipSecuritySectionOptions : IValidatableObject
{
    private static readonly SipSecurityOptions Defaults = SipSecurityOptions.Default;

    /// <summary><c>Sip:Security:RateLimit:*</c>.</summary>
    [ValidateObjectMembers]
    public SipRateLimitSectionOptions RateLimit { get; set; } = new();

    /// <summary>Addresses/CIDRs allowed to start calls; empty: the default (loopback); <c>none</c>: nobody.</summary>
    public SettingList CallSources { get; set; } = new();

    public SipRefusal CallSourceRefusal { get; set; } = Defaults.CallSourceRefusal;

    public SipRefusal CapacityRefusal { get; set; } = Defaults.CapacityRefusal;

    [Range(1, 10_000_000)]
    public int MaxServerTransactions { get; set; } = Defaults.MaxServerTransactions;

    [Range(65_536d, 1_099_511_627_776d)]
    public long MaxServerTransactionBytes { get; set; } = Defaults.MaxServerTransactionBytes;

    [Range(0, 90)]
    public int PriorityReservePercent { get; set; } = Defaults.PriorityReservePercent;

    [Range(1, 10_000_000)]
    public int MaxDialogs { get; set; } = Defaults.MaxDialogs;

    [Range(1, 10_000_000)]
    public int MaxUnconfirmedCalls { get; set; } = Defaults.MaxUnconfirmedCalls;

    [Range(1, 10_000_000)]
    public int MaxUnconfirmedCallsPerSource { get; set; } = Defaults.MaxUnconfirmedCallsPerSource;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryAfter { get; set; } = Defaults.RetryAfter;

    /// <summary>The SIP stack's options (valid once checked).</summary>
    public SipSecurityOptions ToSecurityOptions() => Defaults with
    {
        RateLimit = RateLimit.ToRateLimitOptions(),
        CallSources = SipSourceSetting.Networks(CallSources, Defaults.CallSources),
        CallSourceRefusal = CallSourceRefusal,
        CapacityRefusal = CapacityRefusal,
        MaxServerTransactions = MaxServerTransactions,
        MaxServerTransactionBytes = MaxServerTransactionBytes,
        PriorityReservePercent = PriorityReservePercent,
        MaxDialogs = MaxDialogs,
        MaxUnconfirmedCalls = MaxUnconfirmedCalls,
        MaxUnconfirmedCallsPerSource = MaxUnconfirmedCallsPerSource,
        RetryAfter = RetryAfter,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var path = SipSourceSetting.Path(validationContext);
        return SipSourceSetting.Check(CallSources, $"{path}.{nameof(CallSources)}", nameof(CallSources))
            .Concat(SipSourceSetting.CheckRefusal(CallSourceRefusal, $"{path}.{nameof(CallSourceRefusal)}", nameof(CallSourceRefusal)))
            .Concat(SipSourceSetting.CheckRefusal(CapacityRefusal, $"{path}.{nameof(CapacityRefusal)}", nameof(CapacityRefusal)));
    }
}
