using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Authentication;

/// <summary>An Authorization / Proxy-Authorization digest credentials value (RFC 3261 §22.4, RFC 7616 §3.4).</summary>
public sealed record DigestCredentials(string Username, string Realm, string Nonce, string Uri, string Response,
    string? Algorithm = null, string? Qop = null, string? NonceCount = null, string? CNonce = null, string? Opaque = null)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        credentials = null;
        if (!DigestHeaderParser.TryParse(value, out var scheme, out var p) || !scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) ||
            !p.TryGetValue("username", out var user) || !p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce) ||
            !p.TryGetValue("uri", out var uri) || !p.TryGetValue("response", out var response))
        {
            return false;
        }

        credentials = new DigestCredentials(user, realm, nonce, uri, response,
            p.GetValueOrDefault("algorithm"), p.GetValueOrDefault("qop"), p.GetValueOrDefault("nc"), p.GetValueOrDefault("cnonce"), p.GetValueOrDefault("opaque"));
        return true;
    }

    /// <summary>Answers a challenge for a request (client side, RFC 3261 §22.2): qop=auth when offered, nc=00000001, random cnonce.</summary>
    public static DigestCredentials Create(DigestChallenge challenge, string username, string password, string method, string uri)
    {
        var qop = challenge.Qop?.Split(',').Select(q => q.Trim()).FirstOrDefault(q => q.Equals("auth", StringComparison.OrdinalIgnoreCase));
        var nc = qop is null ? null : "00000001";
        var cnonce = qop is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var response = DigestAlgorithm.Response(challenge.Algorithm, username, challenge.Realm, password, method, uri, challenge.Nonce, qop, nc, cnonce);
        return new DigestCredentials(username, challenge.Realm, challenge.Nonce, uri, response, challenge.Algorithm, qop, nc, cnonce, challenge.Opaque);
    }

    /// <summary>True when <see cref="Response"/> matches the password for the given method.</summary>
    public bool Verify(string password, string method) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(DigestAlgorithm.Response(Algorithm, Username, Realm, password, method, Uri, Nonce, Qop, NonceCount, CNonce)),
            Encoding.ASCII.GetBytes(Response.ToLowerInvariant()));

    /// <summary>True when <see cref="Response"/> matches a stored H(A1) (lower-case hex) for the given method.</summary>
    public bool VerifyHa1(string ha1, string method) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(DigestAlgorithm.ResponseFromHa1(Algorithm, ha1.ToLowerInvariant(), method, Uri, Nonce, Qop, NonceCount, CNonce)),
            Encoding.ASCII.GetBytes(Response.ToLowerInvariant()));

    public override string ToString()
    {
        var sb = new StringBuilder("Digest username=").Append(SipSyntax.Quote(Username))
            .Append(", realm=").Append(SipSyntax.Quote(Realm))
            .Append(", nonce=").Append(SipSyntax.Quote(Nonce))
            .Append(", uri=").Append(SipSyntax.Quote(Uri))
            .Append(", response=").Append(SipSyntax.Quote(Response));
        if (Algorithm is not null)
        {
            sb.Append(", algorithm=").Append(Algorithm);
        }

        if (Qop is not null)
        {
            sb.Append(", qop=").Append(Qop).Append(", nc=").Append(NonceCount).Append(", cnonce=").Append(SipSyntax.Quote(CNonce ?? string.Empty));
        }

        if (Opaque is not null)
        {
            sb.Append(", opaque=").Append(SipSyntax.Quote(Opaque));
        }

        return sb.ToString().ToString(CultureInfo.InvariantCulture);
    }
}
