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

    public string Create()
    {
        var stamp = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Sign(stamp);
    }

    public DigestNonceStatus Validate(string nonce)
    {
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(nonce.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return DigestNonceStatus.Invalid;
        }

        var expected = Sign(nonce[..dot]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(nonce[(dot + 1)..])))
        {
            return DigestNonceStatus.Invalid;
        }

        var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return age > Lifetime || age < TimeSpan.FromMinutes(-1) ? DigestNonceStatus.Stale : DigestNonceStatus.Valid;
    }

    private string Sign(string stamp) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(stamp)))[..32];
}
