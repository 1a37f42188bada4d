using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Acd.Directory;

/// <summary>
/// The digest secret of an agent's phone account as the registrar needs it (RFC 3261 §22.4, RFC 7616 §3.4.2):
/// H(A1) = H(user:realm:password) for MD5 and SHA-256, for one realm. The password itself is never stored.
/// </summary>
/// <param name="Realm">The realm the hashes were computed for (<c>Sip:Registrar:Realm</c>).</param>
/// <param name="Md5">MD5 H(A1), lower-case hex.</param>
/// <param name="Sha256">SHA-256 H(A1), lower-case hex.</param>
public sealed record PhoneSecret(string Realm, string Md5, string Sha256)
{
    /// <summary>Shortest phone password accepted.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Longest phone password accepted.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Hashes <paramref name="password"/> for <paramref name="user"/> in <paramref name="realm"/>.</summary>
    /// <exception cref="ArgumentException">The password is too short, too long or holds a control character.</exception>
    public static PhoneSecret FromPassword(string user, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < MinPasswordLength or > MaxPasswordLength || password.Any(char.IsControl))
        {
            throw new ArgumentException($"the phone password must be {MinPasswordLength}-{MaxPasswordLength} characters without control characters", nameof(password));
        }

        var a1 = Encoding.UTF8.GetBytes($"{user}:{realm}:{password}");
        // MD5 here is the digest scheme's own H (RFC 2617), which common phones still require; not a choice of ours.
#pragma warning disable CA5351
        var md5 = Convert.ToHexStringLower(MD5.HashData(a1));
#pragma warning restore CA5351
        return new PhoneSecret(realm, md5, Convert.ToHexStringLower(SHA256.HashData(a1)));
    }
}
