namespace Switchboard.Sip.Registrar;

/// <summary>Registrar settings (RFC 3261 §10.3).</summary>
public sealed record SipRegistrarOptions
{
    /// <summary>Digest realm. Default "switchboard".</summary>
    public string Realm { get; init; } = "switchboard";

    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Shorter requests get 423 with Min-Expires (§10.3 step 7).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Challenge algorithms offered, one challenge each, in order of preference (RFC 8760 §2.4: strongest first, so SHA-256
    /// before MD5 by default). baresip 1.0 (libre) gives up with ENOSYS when any SHA-256 challenge is offered, even beside
    /// an MD5 one; for such phones configure <c>[DigestAlgorithm.Md5]</c> only (verified by the baresip interop test).
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [Authentication.DigestAlgorithm.Sha256, Authentication.DigestAlgorithm.Md5];

    /// <summary>Failures older than this are forgotten. Default 15 minutes.</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// From this many failures on (per source or account), each failure opens a pause during which further attempts from
    /// that source (or for that account, from sources it has not registered from) are refused unchecked. Default 3.
    /// </summary>
    public int SlowDownAfterFailures { get; init; } = 3;

    /// <summary>The first pause; it doubles with each further failure up to <see cref="MaxFailureDelay"/>. Default 500 ms.</summary>
    public TimeSpan FailureDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest pause after a failure. Default 4 s.</summary>
    public TimeSpan MaxFailureDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>A source with this many failures (any account) is locked out for <see cref="LockoutDuration"/>. Default 10.</summary>
    public int SourceLockoutAfterFailures { get; init; } = 10;

    /// <summary>
    /// An account with this many failures (from any source) is locked out for <see cref="LockoutDuration"/>, except from the
    /// sources it last registered from successfully (the agent's own phone keeps working). Default 20.
    /// </summary>
    public int AccountLockoutAfterFailures { get; init; } = 20;

    /// <summary>How long a lockout lasts. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most sources whose failures are tracked at once (older entries are dropped first). Default 10,000.</summary>
    public int MaxTrackedSources { get; init; } = 10_000;
}
