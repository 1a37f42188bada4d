using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Authentication;

/// <summary>Digest hash algorithms: MD5 (RFC 2617) and SHA-256 (RFC 7616 §3.2, RFC 8760 for SIP).</summary>
public static class DigestAlgorithm
{
    public const string Md5 = "MD5";
    public const string Sha256 = "SHA-256";

    public static bool IsSupported(string? algorithm) =>
        algorithm is null || algorithm.Equals(Md5, StringComparison.OrdinalIgnoreCase) || algorithm.Equals(Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>Lower-case hex digest of the UTF-8 text.</summary>
    public static string Hash(string? algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return algorithm is not null && algorithm.Equals(Sha256, StringComparison.OrdinalIgnoreCase)
            ? Convert.ToHexStringLower(SHA256.HashData(bytes))
            : Convert.ToHexStringLower(MD5.HashData(bytes));
    }

    /// <summary>
    /// The request-digest (RFC 7616 §3.4.1; RFC 2617 §3.2.2.1 without qop): KD(H(A1), nonce:nc:cnonce:qop:H(A2)),
    /// A1 = user:realm:password, A2 = method:uri.
    /// </summary>
    public static string Response(string? algorithm, string username, string realm, string password, string method, string uri,
        string nonce, string? qop, string? nc, string? cnonce) =>
        ResponseFromHa1(algorithm, Hash(algorithm, $"{username}:{realm}:{password}"), method, uri, nonce, qop, nc, cnonce);

    /// <summary>The request-digest from a stored H(A1) (RFC 7616 §3.4.2), so a server need not keep the password.</summary>
    public static string ResponseFromHa1(string? algorithm, string ha1, string method, string uri, string nonce, string? qop, string? nc, string? cnonce)
    {
        var ha2 = Hash(algorithm, $"{method}:{uri}");
        return string.IsNullOrEmpty(qop)
            ? Hash(algorithm, $"{ha1}:{nonce}:{ha2}")
            : Hash(algorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }
}
