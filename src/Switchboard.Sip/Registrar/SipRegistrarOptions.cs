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
}
