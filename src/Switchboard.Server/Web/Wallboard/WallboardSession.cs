using Microsoft.AspNetCore.Http;
using Switchboard.Api.Auth;

namespace Switchboard.Server.Web.Wallboard;

/// <summary>
/// The wallboard's sign-in cookie: it holds the supervisor's bearer token (HttpOnly, SameSite=Strict, path
/// <c>/wallboard</c>, Secure on HTTPS) and every request checks it again with the gRPC API's own
/// <see cref="BearerTokenValidator"/>, so a removed static token or an expired JWT ends the session at once.
/// </summary>
public static class WallboardSession
{
    /// <summary>Cookie name.</summary>
    public const string CookieName = "sb_wallboard";

    /// <summary>Cookie path (the cookie is sent to the wallboard's own URLs only).</summary>
    public const string CookiePath = "/wallboard";

    /// <summary>The signed-in supervisor, or null (no cookie, invalid or expired token, not a supervisor).</summary>
    public static async Task<ApiCaller?> SupervisorAsync(HttpContext context, BearerTokenValidator validator)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validator);
        var token = context.Request.Cookies[CookieName];
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var result = await validator.ValidateAsync("Bearer " + token).ConfigureAwait(false);
        return result.Caller is { } caller && caller.IsInRole(ApiRoles.Supervisor) ? caller : null;
    }

    /// <summary>Checks a token typed on the sign-in page: the caller, or a reason to show.</summary>
    public static async Task<(ApiCaller? Caller, string? Error)> SignInAsync(string? token, BearerTokenValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return (null, "Ange en token.");
        }

        var result = await validator.ValidateAsync("Bearer " + token).ConfigureAwait(false);
        if (result.Caller is not { } caller)
        {
            return (null, "Ogiltig eller utgången token.");
        }

        return caller.IsInRole(ApiRoles.Supervisor) ? (caller, null) : (null, "Tokenen saknar rollen supervisor.");
    }

    /// <summary>Sets the cookie after a successful sign-in.</summary>
    public static void Set(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, token.Trim(), Options(context));
    }

    /// <summary>Removes the cookie.</summary>
    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context));
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        IsEssential = true,
    };
}
