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
    /// Challenge algorithms offered, one challenge each (RFC 8760 §2.4). MD5 comes first by default because some clients
    /// (baresip 1.0's libre) take the first challenge and fail on SHA-256; put SHA-256 first for clients that handle it.
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [Authentication.DigestAlgorithm.Md5, Authentication.DigestAlgorithm.Sha256];
}
