using System.ComponentModel.DataAnnotations;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Configuration;

/// <summary>
/// <c>Sip:Registrar:*</c> as configured (docs/security.md): realm, challenge algorithms and the brute-force limits.
/// Becomes the SIP stack's <see cref="SipRegistrarOptions"/> through <see cref="ToRegistrarOptions"/>. Defaults are that
/// type's, except the algorithms: MD5 only (baresip 1.0 and other phones give up when offered SHA-256).
/// </summary>
public sealed class SipRegistrarSectionOptions : IValidatableObject
{
    private static readonly SipRegistrarOptions Defaults = new() { Algorithms = [DigestAlgorithm.Md5] };

    /// <summary>The digest realm (no quote).</summary>
    public string Realm { get; set; } = Defaults.Realm;

    /// <summary><c>MD5</c> and/or <c>SHA-256</c>, strongest first; items or one comma-separated value; empty: MD5 only.</summary>
    public SettingList Algorithms { get; set; } = new();

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = Defaults.FailureWindow;

    [Range(1, 1_000_000)]
    public int SlowDownAfterFailures { get; set; } = Defaults.SlowDownAfterFailures;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FailureDelay { get; set; } = Defaults.FailureDelay;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxFailureDelay { get; set; } = Defaults.MaxFailureDelay;

    [Range(1, 1_000_000)]
    public int SourceLockoutAfterFailures { get; set; } = Defaults.SourceLockoutAfterFailures;

    [Range(1, 1_000_000)]
    public int AccountLockoutAfterFailures { get; set; } = Defaults.AccountLockoutAfterFailures;

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = Defaults.LockoutDuration;

    /// <summary>The SIP stack's options (valid once checked).</summary>
    public SipRegistrarOptions ToRegistrarOptions()
    {
        var algorithms = Algorithms.Items.Select(Canonical).OfType<string>().Distinct().ToList();
        return Defaults with
        {
            Realm = Realm.Trim(),
            Algorithms = algorithms.Count > 0 ? algorithms : Defaults.Algorithms,
            FailureWindow = FailureWindow,
            SlowDownAfterFailures = SlowDownAfterFailures,
            FailureDelay = FailureDelay,
            MaxFailureDelay = MaxFailureDelay,
            SourceLockoutAfterFailures = SourceLockoutAfterFailures,
            AccountLockoutAfterFailures = AccountLockoutAfterFailures,
            LockoutDuration = LockoutDuration,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var path = SipSourceSetting.Path(validationContext);
        if (string.IsNullOrWhiteSpace(Realm) || Realm.Contains('"', StringComparison.Ordinal))
        {
            yield return new ValidationResult($"{path}.{nameof(Realm)} must not be empty nor contain a quote", [nameof(Realm)]);
        }

        foreach (var algorithm in Algorithms.Items)
        {
            if (Canonical(algorithm) is null)
            {
                yield return new ValidationResult($"{path}.{nameof(Algorithms)} '{algorithm}' is not MD5 or SHA-256", [nameof(Algorithms)]);
            }
        }
    }

    private static string? Canonical(string algorithm) =>
        algorithm.Equals(DigestAlgorithm.Md5, StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5
        : algorithm.Equals(DigestAlgorithm.Sha256, StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Sha256
        : null;
}
