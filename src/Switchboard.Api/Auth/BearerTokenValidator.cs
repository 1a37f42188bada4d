using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Api.Auth;

/// <summary>
/// Checks an <c>authorization</c> header value (RFC 6750 §2.1 <c>Bearer</c> scheme) against the configured
/// static keys (constant-time comparison) and, when a signing key is set, as an HMAC-signed JWT (RFC 7519).
/// Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class BearerTokenValidator
{
    private const string BearerPrefix = "Bearer ";
    private readonly List<(byte[] Hash, ApiCaller Caller)> _staticTokens = [];
    private readonly JsonWebTokenHandler _jwtHandler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? _jwtParameters;
    private readonly TimeProvider _timeProvider;

    public BearerTokenValidator(ApiAuthOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _timeProvider = timeProvider;
        foreach (var token in options.Tokens)
        {
            var caller = new ApiCaller(token.Subject, new HashSet<string>(StringComparer.Ordinal) { token.Role }, "static");
            _staticTokens.Add((SHA256.HashData(Encoding.UTF8.GetBytes(token.Token)), caller));
        }

        if (options.Jwt.SigningKey.Length > 0)
        {
            var skew = options.Jwt.ClockSkew;
            _jwtParameters = new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Jwt.SigningKey)),
                ValidIssuer = options.Jwt.Issuer,
                ValidAudience = options.Jwt.Audience,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512],
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateLifetime = true,
                LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, skew),
            };
        }
    }

    /// <summary>Validates the raw <c>authorization</c> header value (may be null or empty).</summary>
    public async ValueTask<ApiAuthResult> ValidateAsync(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return ApiAuthResult.Fail("missing bearer token");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ApiAuthResult.Fail("authorization must use the Bearer scheme");
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length == 0)
        {
            return ApiAuthResult.Fail("missing bearer token");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        ApiCaller? match = null;
        foreach (var (known, caller) in _staticTokens)
        {
            // Compare every entry so the time taken does not reveal which key matched.
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                match = caller;
            }
        }

        if (match is not null)
        {
            return ApiAuthResult.Success(match);
        }

        if (_jwtParameters is null || token.Count(c => c == '.') != 2)
        {
            return ApiAuthResult.Fail("invalid bearer token");
        }

        var result = await _jwtHandler.ValidateTokenAsync(token, _jwtParameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return ApiAuthResult.Fail("invalid or expired token");
        }

        var claims = result.ClaimsIdentity.Claims.ToList();
        var subject = claims.FirstOrDefault(c => c.Type == JwtRegisteredClaimNames.Sub)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return ApiAuthResult.Fail("token has no subject");
        }

        var roles = new HashSet<string>(
            claims.Where(c => c.Type is "role" or "roles" or ClaimTypes.Role).Select(c => c.Value),
            StringComparer.Ordinal);
        return ApiAuthResult.Success(new ApiCaller(subject, roles, "jwt"));
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null || now - skew >= expires.Value.ToUniversalTime())
        {
            return false;
        }

        return notBefore is null || now + skew >= notBefore.Value.ToUniversalTime();
    }
}
