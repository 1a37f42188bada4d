using System.Security.Claims;

namespace Switchboard.Api.Auth;

/// <summary>An authenticated API caller: the token's subject (the agent id for agents) and its roles.</summary>
/// <param name="Subject">Token subject; for agents this is the agent id they may act on.</param>
/// <param name="Roles">Roles granted (see <see cref="ApiRoles"/>).</param>
/// <param name="Method">How the caller authenticated: <c>static</c> or <c>jwt</c>.</param>
public sealed record ApiCaller(string Subject, IReadOnlySet<string> Roles, string Method)
{
    /// <summary>True when the caller has <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The caller as an identity for ASP.NET Core (name claim <c>sub</c>, role claim <c>role</c>).</summary>
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var identity = new ClaimsIdentity(scheme, "sub", "role");
        identity.AddClaim(new Claim("sub", Subject));
        identity.AddClaim(new Claim("amr", Method));
        foreach (var role in Roles)
        {
            identity.AddClaim(new Claim("role", role));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>The caller an authenticated principal stands for (either scheme); null when it names no subject.</summary>
    public static ApiCaller? FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirst("sub")?.Value;
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = new HashSet<string>(principal.Claims.Where(c => JwtValidation.RoleClaimTypes.Contains(c.Type)).Select(c => c.Value), StringComparer.Ordinal);
        return new ApiCaller(subject, roles, principal.FindFirst("amr")?.Value ?? "jwt");
    }
}
