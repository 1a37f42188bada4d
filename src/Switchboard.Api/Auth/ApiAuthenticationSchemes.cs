namespace Switchboard.Api.Auth;

/// <summary>The authentication schemes of the API: both read <c>authorization: Bearer ...</c>.</summary>
public static class ApiAuthenticationSchemes
{
    /// <summary>Static bearer keys (<c>Api:Tokens</c>).</summary>
    public const string StaticToken = "StaticToken";

    /// <summary>HMAC-signed JWTs (<c>Api:Jwt</c>), by ASP.NET Core's JwtBearer handler; registered only when a signing key is set.</summary>
    public const string Jwt = "Jwt";
}
