using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Api.Auth;

/// <summary>
/// ASP.NET Core authentication and authorization for the API: the static-key scheme, JwtBearer when
/// <c>Api:Jwt:SigningKey</c> is set, the browser session scheme (gRPC-Web from the console, <see cref="WebSessionAuthenticationHandler"/>),
/// and one policy per role (<see cref="ApiPolicies"/>) that accepts either scheme.
/// No or bad credentials give HTTP 401 (gRPC <c>UNAUTHENTICATED</c>); the wrong role 403 (<c>PERMISSION_DENIED</c>).
/// </summary>
public static class ApiAuthenticationExtensions
{
    public static IServiceCollection AddSwitchboardAuthentication(this IServiceCollection services, Hosting.ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jwt = options.Jwt.SigningKey.Length > 0;
        string[] schemes = jwt
            ? [ApiAuthenticationSchemes.StaticToken, ApiAuthenticationSchemes.Jwt, WebSessionDefaults.Scheme]
            : [ApiAuthenticationSchemes.StaticToken, WebSessionDefaults.Scheme];
        var authentication = services.AddAuthentication(ApiAuthenticationSchemes.StaticToken)
            .AddScheme<AuthenticationSchemeOptions, StaticTokenAuthenticationHandler>(ApiAuthenticationSchemes.StaticToken, null)
            .AddScheme<AuthenticationSchemeOptions, WebSessionAuthenticationHandler>(WebSessionDefaults.Scheme, null);
        if (jwt)
        {
            authentication.AddJwtBearer(ApiAuthenticationSchemes.Jwt, _ => { });
            services.AddOptions<JwtBearerOptions>(ApiAuthenticationSchemes.Jwt)
                .Configure<TimeProvider>((bearer, timeProvider) =>
                {
                    bearer.MapInboundClaims = false;
                    bearer.TokenValidationParameters = JwtValidation.Parameters(options.Jwt, timeProvider);
                    bearer.TimeProvider = timeProvider;
                });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Agent, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, ApiRoles.Agent)))
            .AddPolicy(ApiPolicies.Supervisor, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, ApiRoles.Supervisor)));
        return services;
    }

    private static bool HasRole(AuthorizationHandlerContext context, string role) =>
        ApiCaller.FromPrincipal(context.User)?.IsInRole(role) == true;
}
