using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Api.Auth;

/// <summary>How a JWT is checked (<c>Api:Jwt</c>): HS256/384/512, issuer, audience, expiry required, lifetime on the injected clock.</summary>
public static class JwtValidation
{
    /// <summary>Claim types that carry roles in a token (<c>role</c> is the one the API reads; the others are copied to it).</summary>
    public static IReadOnlyList<string> RoleClaimTypes { get; } = ["role", "roles", ClaimTypes.Role];

    /// <summary>The validation parameters for <paramref name="options"/>, with lifetime checked on <paramref name="timeProvider"/>.</summary>
    public static TokenValidationParameters Parameters(JwtOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var skew = options.ClockSkew;
        return new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)),
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(timeProvider.GetUtcNow().UtcDateTime, notBefore, expires, skew),
            NameClaimType = "sub",
            RoleClaimType = "role",
        };
    }

    /// <summary>The caller a validated token stands for; null when it names no subject.</summary>
    public static ApiCaller? Caller(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var subject = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = new HashSet<string>(identity.Claims.Where(c => RoleClaimTypes.Contains(c.Type)).Select(c => c.Value), StringComparer.Ordinal);
        return new ApiCaller(subject, roles, "jwt");
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        if (expires is null || now - skew >= expires.Value.ToUniversalTime())
        {
            return false;
        }

        return notBefore is null || now + skew >= notBefore.Value.ToUniversalTime();
    }
}
