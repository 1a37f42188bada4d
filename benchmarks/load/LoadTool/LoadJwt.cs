using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTool;

/// <summary>
/// Mints the HS256 bearer tokens the server accepts with <c>Api:Jwt:SigningKey</c> (RFC 7519 compact form:
/// base64url header.payload.signature; <c>sub</c>, <c>role</c>, <c>iss</c>, <c>aud</c>, <c>exp</c>).
/// </summary>
public static class LoadJwt
{
    /// <summary>A token for <paramref name="subject"/> with <paramref name="role"/>, valid for <paramref name="lifetime"/>.</summary>
    public static string Create(string signingKey, string subject, string role, TimeSpan lifetime, DateTimeOffset now)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
            ["iss"] = "switchboard",
            ["aud"] = "switchboard-api",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        }));
        var signed = header + "." + payload;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(signed));
        return signed + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
