using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Acd.Callbacks;

/// <summary>
/// The keyed hash of a caller's number written to the event stream as <c>caller_hash</c> instead of the number
/// (the stream is never purged): HMAC-SHA256 (RFC 2104) over the number in E.164 form when it is a phone number, else
/// the trimmed text, hex encoded. The same number always gives the same hash under one key, so repeat callers can
/// be counted; without the key the number cannot be recovered by hashing all numbers.
/// </summary>
public sealed class CallerHasher
{
    private static readonly PhoneNumberPolicy Normalisation = PhoneNumberPolicy.Default with { AllowForeign = true };
    private readonly byte[] _key;

    /// <summary>A hasher with <paramref name="key"/> (at least 16 bytes).</summary>
    public CallerHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The caller hash key needs at least 16 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>A hasher keyed with the UTF-8 bytes of a configured secret (<c>Callbacks:HashKey</c>, at least 16 characters).</summary>
    public static CallerHasher FromSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new CallerHasher(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>The hash of <paramref name="caller"/>; empty for no number (anonymous).</summary>
    public string Hash(string? caller)
    {
        if (string.IsNullOrWhiteSpace(caller))
        {
            return string.Empty;
        }

        var normalised = PhoneNumberValidator.Validate(caller, Normalisation).E164 ?? caller.Trim();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised)));
    }
}
