using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchboard.Api.Auth;

namespace Switchboard.Api.Tests.Auth;

/// <summary>Test credentials: static keys and JWTs signed with a test-only key.</summary>
internal static class TestTokens
{
    public const string SigningKey = "test-only-signing-key-0123456789abcdef";
    public const string AnnaKey = "anna-static-key-0123456789";
    public const string BoKey = "bo-static-key-0123456789ab";
    public const string SupervisorKey = "sup-static-key-0123456789";

    public static Switchboard.Api.Hosting.ApiOptions Options() => new()
    {
        Tokens =
        [
            new StaticTokenOptions { Token = AnnaKey, Subject = "anna", Role = ApiRoles.Agent },
            new StaticTokenOptions { Token = BoKey, Subject = "bo", Role = ApiRoles.Agent },
            new StaticTokenOptions { Token = SupervisorKey, Subject = "sara", Role = ApiRoles.Supervisor },
        ],
        Jwt = new JwtOptions { SigningKey = SigningKey },
    };

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Api:Tokens:0:Token"] = AnnaKey,
        ["Api:Tokens:0:Subject"] = "anna",
        ["Api:Tokens:0:Role"] = "agent",
        ["Api:Tokens:1:Token"] = BoKey,
        ["Api:Tokens:1:Subject"] = "bo",
        ["Api:Tokens:1:Role"] = "agent",
        ["Api:Tokens:2:Token"] = SupervisorKey,
        ["Api:Tokens:2:Subject"] = "sara",
        ["Api:Tokens:2:Role"] = "supervisor",
        ["Api:Jwt:SigningKey"] = SigningKey,
    };

    public static string Jwt(
        string subject, object role, DateTimeOffset now, TimeSpan? lifetime = null, string key = SigningKey, string audience = "switchboard-api")
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "switchboard",
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromMinutes(10)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
