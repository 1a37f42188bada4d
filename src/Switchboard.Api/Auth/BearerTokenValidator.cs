using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Api.Auth;

/// <summary>
/// Checks a bearer token given as text, outside an API call (the wallboard's sign-in and its session cookie), with the
/// same rules as the API's authentication schemes: the static keys of <see cref="StaticTokenSet"/>, then, when a
/// signing key is set, a JWT by <see cref="JwtValidation"/>. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class BearerTokenValidator
{
    private readonly StaticTokenSet _staticTokens;
    private readonly JsonWebTokenHandler _jwtHandler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? _jwtParameters;

    public BearerTokenValidator(Hosting.ApiOptions options, TimeProvider timeProvider)
        : this(options, new StaticTokenSet(options ?? throw new ArgumentNullException(nameof(options))), timeProvider)
    {
    }

    public BearerTokenValidator(Hosting.ApiOptions options, StaticTokenSet staticTokens, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(staticTokens);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Check();
        _staticTokens = staticTokens;
        _jwtParameters = options.Jwt.SigningKey.Length > 0 ? JwtValidation.Parameters(options.Jwt, timeProvider) : null;
    }

    /// <summary>Validates the raw <c>authorization</c> header value (may be null or empty).</summary>
    public async ValueTask<ApiAuthResult> ValidateAsync(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return ApiAuthResult.Fail("missing bearer token");
        }

        if (StaticTokenAuthenticationHandler.BearerToken(authorization) is not { } token)
        {
            return ApiAuthResult.Fail(authorization.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
                ? "missing bearer token"
                : "authorization must use the Bearer scheme");
        }

        if (_staticTokens.Find(token) is { } caller)
        {
            return ApiAuthResult.Success(caller);
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

        return JwtValidation.Caller(result.ClaimsIdentity) is { } jwtCaller
            ? ApiAuthResult.Success(jwtCaller)
            : ApiAuthResult.Fail("token has no subject");
    }
}
