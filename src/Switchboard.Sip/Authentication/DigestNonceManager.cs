using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// Stateless nonces (RFC 7616 §3.3 suggests time-stamp + H(time-stamp:secret)): any node holding the secret validates them,
/// so registrations work behind several nodes. Expired but genuine nonces are reported stale (stale=true).
/// </summary>
public sealed class DigestNonceManager
{
    private readonly byte[] _secret;
    private readonly TimeProvider _timeProvider;

    public DigestNonceManager(TimeProvider timeProvider, byte[]? secret = null, TimeSpan? lifetime = null)
    {
        _timeProvider = timeProvider;
        _secret = secret ?? RandomNumberGenerator.GetBytes(32);
        Lifetime = lifetime ?? TimeSpan.FromMinutes(5);
    }

    public TimeSpan Lifetime { get; }

    /// <summary>
    /// A new nonce: time-stamp, 64 random bits (two challenges in the same millisecond must differ, or the replay check
    /// would take the second client's nc=1 for a replay) and the signature of both.
    /// </summary>
    public string Create()
    {
        var payload = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return payload + "." + Sign(payload);
    }

    public DigestNonceStatus Validate(string nonce)
    {
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        var last = nonce.LastIndexOf('.');
        if (dot <= 0 || last <= dot || !long.TryParse(nonce.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return DigestNonceStatus.Invalid;
        }

        var expected = Sign(nonce[..last]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(nonce[(last + 1)..])))
        {
            return DigestNonceStatus.Invalid;
        }

        var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return age > Lifetime || age < TimeSpan.FromMinutes(-1) ? DigestNonceStatus.Stale : DigestNonceStatus.Valid;
    }

    private string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(payload)))[..32];
}
